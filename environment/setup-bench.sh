#!/usr/bin/env bash
# Extra set-up for bench/run.sh: Debian's PyTorch and OpenBLAS for the reference runs in ../shared/anchors.
# Idempotent: does nothing when they are installed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install setup-bench python3-torch python3-numpy libopenblas0-pthread dataset-fashion-mnist
