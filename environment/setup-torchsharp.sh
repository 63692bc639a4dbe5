#!/usr/bin/env bash
# Makes the restored TorchSharp native shim loadable on this system (idempotent; prints only what it changes).
#
# TorchSharp 0.107's libLibTorchSharp.so is built with GCC 13 and asks libstdc++ for GLIBCXX_3.4.32 through one marker
# symbol that nothing relocates against. Debian 12's libstdc++ (GCC 12) stops at GLIBCXX_3.4.30, so without this step
# TorchSharp fails to load ("version `GLIBCXX_3.4.32' not found"). fix-torchsharp-glibcxx.py marks that one
# requirement weak, only when the system lacks the version and the marker is the file's only use of it.
#
# Patched: every libLibTorchSharp.so in the NuGet global packages folder — the package's own copy (which builds copy
# into bin/) and the cpu/ folder TorchSharp consolidates beside TorchSharp.dll when a notebook host (.NET Interactive,
# NotebookKit's kernel) loads it from the package folder — and stale copies under this repo's bin/ folders.
# Run it after any restore that brings a new TorchSharp version (setup.sh does).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixer="$root/environment/fix-torchsharp-glibcxx.py"
command -v python3 >/dev/null || { echo "setup-torchsharp: error: python3 is needed (apt-get install python3)." >&2; exit 1; }

packages="${NUGET_PACKAGES:-}"
if [ -z "$packages" ]; then
  packages="$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p')"
fi
packages="${packages%/}"
[ -n "$packages" ] || { echo "setup-torchsharp: error: could not find the NuGet global packages folder (dotnet nuget locals global-packages --list)." >&2; exit 1; }

files=()
if [ -d "$packages/torchsharp" ]; then
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$packages/torchsharp" -name libLibTorchSharp.so -print0)
fi
for d in lib tests bench tools; do
  [ -d "$root/$d" ] || continue
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$root/$d" -path '*/bin/*' -name libLibTorchSharp.so -print0)
done
[ ${#files[@]} -gt 0 ] || exit 0

python3 "$fixer" --check "${files[@]}" >/dev/null && exit 0
python3 "$fixer" "${files[@]}"
