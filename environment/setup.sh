#!/usr/bin/env bash
# One-time set-up for NotebookKit on a fresh Debian machine with the .NET 10 SDK (idempotent, quiet when done):
# restores the .NET projects and fetches the datasets into data/. Called by both README commands.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK (dotnet) is not on PATH. Install it (https://dot.net) or open the dev container." >&2
  exit 1
fi

bash "$root/environment/fetch-data.sh"
dotnet restore NotebookKit.sln --verbosity quiet >/dev/null
# TorchSharp 0.107 on Debian 12: mark its one GCC-13-only libstdc++ requirement weak (see the script).
bash "$root/environment/setup-torchsharp.sh"
bash "$root/environment/fetch-assets.sh"
bash "$root/environment/setup-browser.sh"
bash "$root/environment/setup-tools.sh"
bash "$root/environment/setup-jupyter.sh"
# Debian's PyTorch: the checkpoint interop tests (tests/reference/torch_checkpoint.py) and bench/run.sh's anchors.
bash "$root/environment/setup-bench.sh"
# Microsoft's dotnet-interactive and its .net-csharp Jupyter kernel: the second host the notebooks are tested in.
bash "$root/environment/setup-dotnet-interactive.sh"
# The Fashion-MNIST classifier whose features give the notebooks' Fréchet distances (TorchSharp): trained once (~2 min
# on 2 cores, the same weights for its seed) and cached, so concurrent test processes never train it side by side.
data_root="${NOTEBOOKKIT_DATA:-$root/data}"
if [ ! -f "$data_root/models/fashion-classifier-torch-seed0.json" ]; then
  dotnet run -c Release --project "$root/lib/NotebookKit.Cli" --verbosity quiet -- train-classifier
fi
