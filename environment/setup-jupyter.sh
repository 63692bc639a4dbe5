#!/usr/bin/env bash
# Installs what NotebookKit's Jupyter kernel and its tests need from Debian: libzmq5 (the kernel's transport,
# loaded as libzmq.so.5), jupyter_client, jupyter_kernel_test, nbclient and the classic Notebook server
# jupyter-notebook (tests/NotebookKit.Jupyter.Tests; the Notebook is also a front end students can use).
# Idempotent: prints nothing when everything is there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install setup-jupyter libzmq5 python3-jupyter-client python3-jupyter-kernel-test python3-nbclient jupyter-notebook
