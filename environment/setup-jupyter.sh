#!/usr/bin/env bash
# Installs what NotebookKit's Jupyter kernel and its tests need from Debian: libzmq5 (the kernel's transport,
# loaded as libzmq.so.5), jupyter_client, jupyter_kernel_test and nbclient (tests/NotebookKit.Jupyter.Tests).
# Idempotent: prints nothing when everything is there. Needs root (or sudo) only when something is missing.
set -euo pipefail

PKGS=(libzmq5 python3-jupyter-client python3-jupyter-kernel-test python3-nbclient)
say() { echo "setup-jupyter: $*"; }
die() { echo "setup-jupyter: error: $*" >&2; exit 1; }

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "${missing[*]} not installed and installing needs root: run 'apt-get install ${missing[*]}' as root, then this script again."
  fi
}

say "installing Debian packages ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
apt_get() { as_root apt-get -o DPkg::Lock::Timeout=600 "$@"; }
# Refresh the package lists only when apt does not know a package yet; show apt's output only on failure.
for p in "${missing[@]}"; do
  if ! apt-cache show "$p" >/dev/null 2>&1; then
    apt_get update -qq >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed."; }
    break
  fi
done
apt_get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1 ||
  { cat "$log" >&2; die "apt-get install ${missing[*]} failed (see above)."; }
