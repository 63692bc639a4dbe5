#!/usr/bin/env bash
# Tools the tests use beside .NET (idempotent, quiet when present): Debian's python3-nbformat, which validates the
# notebooks the runner writes against the nbformat v4 JSON schema.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install setup-tools python3-nbformat
