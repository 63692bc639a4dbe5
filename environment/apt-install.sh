#!/usr/bin/env bash
# Sourced by the set-up scripts: `apt_install TAG PACKAGE...` installs the Debian packages that are not installed
# yet, quietly (apt's output is shown only when it fails); refreshes the package lists only when apt does not
# know a package; waits for another apt/dpkg run; needs root (or sudo) only when something is missing.

apt_install() {
  local tag="$1"; shift
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "$tag: error: ${missing[*]} not installed and installing needs root: run 'apt-get install ${missing[*]}' as root, then this script again." >&2; return 1; }
    sudo=(sudo)
  fi
  echo "$tag: installing Debian packages ${missing[*]}"
  local log; log="$(mktemp)"
  for p in "${missing[@]}"; do
    if ! apt-cache show "$p" >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq >"$log" 2>&1 ||
        { cat "$log" >&2; rm -f "$log"; echo "$tag: error: apt-get update failed." >&2; return 1; }
      break
    fi
  done
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1 ||
    { cat "$log" >&2; rm -f "$log"; echo "$tag: error: apt-get install ${missing[*]} failed (see above)." >&2; return 1; }
  rm -f "$log"
}
