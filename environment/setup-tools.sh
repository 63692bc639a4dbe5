#!/usr/bin/env bash
# Tools the tests use beside .NET (idempotent, quiet when present): Debian's python3-nbformat, which validates the
# notebooks the runner writes against the nbformat v4 JSON schema.
set -euo pipefail
if ! /usr/bin/python3 -c "import nbformat" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq python3-nbformat >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq python3-nbformat >/dev/null; }
  else
    echo "setup: python3-nbformat is missing (apt-get install python3-nbformat); notebook schema tests will be skipped." >&2
  fi
fi
