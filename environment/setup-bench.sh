#!/usr/bin/env bash
# Extra set-up for bench/run.sh: Debian's PyTorch and OpenBLAS for the reference runs in ../shared/anchors
# (root; apt-get). Idempotent: does nothing when they are installed.
set -euo pipefail
need=()
for p in python3-torch python3-numpy libopenblas0-pthread dataset-fashion-mnist; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup-bench: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
