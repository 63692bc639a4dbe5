#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the browser tests of exported HTML pages
# (tests/NotebookKit.Tests/{Interactive,Display}/HtmlPageBrowserTests.cs). Idempotent: prints nothing when it is there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
[ -x /usr/bin/chromium ] && exit 0
apt_install setup-browser chromium
[ -x /usr/bin/chromium ] || { echo "setup-browser: error: chromium is installed but /usr/bin/chromium is missing; check 'dpkg -L chromium'." >&2; exit 1; }
