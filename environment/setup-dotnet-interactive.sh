#!/usr/bin/env bash
# Installs Microsoft's .NET Interactive (the dotnet-interactive global tool, pinned) and its Jupyter kernels
# (.net-csharp, .net-fsharp, .net-powershell) for the current user, so the course notebooks can also run there
# (tests/NotebookKit.Jupyter.Tests/NotebooksThroughDotNetInteractiveTests) and in VS Code's Polyglot Notebooks.
# The tool 1.0.712001 targets net10.0 (its runtimeconfig asks for Microsoft.NETCore.App 10.0.0), so it runs on the
# .NET 10 SDK's runtime with no roll-forward. Idempotent: prints nothing when everything is there.
set -euo pipefail
version="1.0.712001"
tools="$HOME/.dotnet/tools"

installed="$(dotnet tool list -g | awk 'tolower($1) == "microsoft.dotnet-interactive" { print $2 }')"
if [ "$installed" != "$version" ]; then
  verb=install
  [ -n "$installed" ] && verb=update
  dotnet tool "$verb" -g Microsoft.dotnet-interactive --version "$version" >/dev/null
  echo "setup-dotnet-interactive: dotnet-interactive $version installed in $tools (the .net-csharp kernelspec runs 'dotnet interactive': keep $tools on PATH)"
fi

# `dotnet interactive jupyter install` writes into the user's Jupyter kernels folder and fails when it does not exist.
kernels="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels"
if [ ! -f "$kernels/.net-csharp/kernel.json" ]; then
  mkdir -p "$kernels"
  PATH="$PATH:$tools" dotnet interactive jupyter install >/dev/null
  echo "setup-dotnet-interactive: Jupyter kernels .net-csharp, .net-fsharp, .net-powershell installed in $kernels"
fi

# The kernelspecs start an HTTP API beside the Jupyter sockets (--http-port-range 2048-3000) on every interface, with
# no authentication: measured, GET http://<LAN address>:2048/variables/csharp/<name> returned a cell's variable.
# --http-local-only keeps it on 127.0.0.1 (the Jupyter sockets already are, from the connection file).
for spec in "$kernels"/.net-*/kernel.json; do
  python3 - "$spec" <<'PY'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
if "--http-local-only" not in spec["argv"]:
    spec["argv"].append("--http-local-only")
    json.dump(spec, open(path, "w"), indent=2)
    print(f"setup-dotnet-interactive: {path}: HTTP API bound to 127.0.0.1 only (--http-local-only)")
PY
done
