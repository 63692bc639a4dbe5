#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the browser tests of exported HTML pages
# (tests/NotebookKit.Tests/Interactive/HtmlPageBrowserTests.cs). Idempotent: prints nothing when it is there.
# Needs root (or sudo) only when Chromium is missing. Waits for another apt/dpkg run to finish.
set -euo pipefail

PKG=chromium
say() { echo "setup-browser: $*"; }
die() { echo "setup-browser: error: $*" >&2; exit 1; }

if [ -x /usr/bin/chromium ]; then exit 0; fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "$PKG is not installed and installing it needs root: run 'apt-get install $PKG' as root, then this script again."
  fi
}

say "installing Debian package $PKG"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
apt_get() { as_root apt-get -o DPkg::Lock::Timeout=600 "$@"; }
# Refresh the package lists only when apt does not know the package yet; show apt's output only on failure.
if ! apt-cache show "$PKG" >/dev/null 2>&1; then
  apt_get update -qq >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed."; }
fi
apt_get install -y -qq --no-install-recommends "$PKG" >"$log" 2>&1 ||
  { cat "$log" >&2; die "apt-get install $PKG failed (see above)."; }
[ -x /usr/bin/chromium ] || die "$PKG is installed but /usr/bin/chromium is missing; check 'dpkg -L $PKG'."
