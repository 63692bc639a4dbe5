#!/usr/bin/env bash
# Builds NotebookKit (Release: the dll the notebooks' #r line loads, and the kernel) and registers the Jupyter
# kernelspec "C# (NotebookKit)" (csharp-notebookkit) for the current user, or under --prefix P.
#   bash environment/install-kernel.sh [--user | --prefix P]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/environment/setup-jupyter.sh"
dotnet build -c Release -v q --nologo "$root/lib/NotebookKit/NotebookKit.csproj" >/dev/null
dotnet build -c Release -v q --nologo "$root/lib/NotebookKit.Jupyter/NotebookKit.Jupyter.csproj" >/dev/null
dotnet "$root/lib/NotebookKit.Jupyter/bin/Release/net10.0/NotebookKit.Jupyter.dll" install "$@"
