#!/usr/bin/env bash
# Installs Microsoft's .NET Interactive (the dotnet-interactive global tool, pinned) and its Jupyter kernels
# (.net-csharp, .net-fsharp, .net-powershell) for the current user, so the course notebooks can also run there
# (tests/NotebookKit.Jupyter.Tests/NotebooksThroughDotNetInteractiveTests) and in VS Code's Polyglot Notebooks.
# The tool 1.0.712001 targets net10.0 (its runtimeconfig asks for Microsoft.NETCore.App 10.0.0), so it runs on the
# .NET 10 SDK's runtime with no roll-forward. Idempotent: a second run changes nothing and says so.
#
# Overrides (the defaults are what the course uses; tests/NotebookKit.Kernel.Tests/EnvironmentScripts use the others):
#   DOTNET_INTERACTIVE_VERSION    the tool's version (default 1.0.712001)
#   DOTNET_INTERACTIVE_TOOL_PATH  install with --tool-path into this folder instead of as a global tool (~/.dotnet/tools)
#   DOTNET_INTERACTIVE_SOURCE     the NuGet source to install from instead of the configured ones (an offline feed)
#   JUPYTER_DATA_DIR              the Jupyter data folder whose kernels/ receives the kernelspecs (default ~/.local/share/jupyter)
set -euo pipefail
version="${DOTNET_INTERACTIVE_VERSION:-1.0.712001}"
tools="${DOTNET_INTERACTIVE_TOOL_PATH:-$HOME/.dotnet/tools}"
scope=(-g)
[ -n "${DOTNET_INTERACTIVE_TOOL_PATH:-}" ] && scope=(--tool-path "$tools")
source_args=()
[ -n "${DOTNET_INTERACTIVE_SOURCE:-}" ] && source_args=(--source "$DOTNET_INTERACTIVE_SOURCE")
changed=0

installed=""
if [ "${scope[0]}" = -g ] || [ -d "$tools" ]; then
  installed="$(dotnet tool list "${scope[@]}" | awk 'tolower($1) == "microsoft.dotnet-interactive" { print $2 }')"
fi
if [ "$installed" != "$version" ]; then
  verb=install
  [ -n "$installed" ] && verb=update
  if ! log="$(dotnet tool "$verb" "${scope[@]}" Microsoft.dotnet-interactive --version "$version" "${source_args[@]}" 2>&1)"; then
    echo "setup-dotnet-interactive: could not $verb Microsoft.dotnet-interactive $version into $tools" \
         "(from ${DOTNET_INTERACTIVE_SOURCE:-the configured NuGet sources}). dotnet tool said:" >&2
    echo "$log" | sed 's/^/  /' >&2
    echo "setup-dotnet-interactive: check that the version exists (https://www.nuget.org/packages/Microsoft.dotnet-interactive)" \
         "and the source is reachable; DOTNET_INTERACTIVE_VERSION / DOTNET_INTERACTIVE_SOURCE override them." >&2
    exit 1
  fi
  changed=1
  echo "setup-dotnet-interactive: dotnet-interactive $version installed in $tools (the .net-csharp kernelspec runs 'dotnet interactive': keep $tools on PATH)"
fi

kernels="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels"
if [ ! -f "$kernels/.net-csharp/kernel.json" ]; then
  mkdir -p "$kernels" # --path must exist
  PATH="$tools:$PATH" dotnet interactive jupyter install --path "$kernels" >/dev/null
  changed=1
  echo "setup-dotnet-interactive: Jupyter kernels .net-csharp, .net-fsharp, .net-powershell installed in $kernels"
fi

# The kernelspecs start an HTTP API beside the Jupyter sockets (--http-port-range 2048-3000) on every interface, with
# no authentication: measured, GET http://<LAN address>:2048/variables/csharp/<name> returned a cell's variable.
# --http-local-only keeps it on 127.0.0.1 (the Jupyter sockets already are, from the connection file).
for spec in "$kernels"/.net-*/kernel.json; do
  added="$(python3 - "$spec" <<'PY'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
if "--http-local-only" not in spec["argv"]:
    spec["argv"].append("--http-local-only")
    json.dump(spec, open(path, "w"), indent=2)
    print(f"setup-dotnet-interactive: {path}: HTTP API bound to 127.0.0.1 only (--http-local-only)")
PY
)"
  if [ -n "$added" ]; then echo "$added"; changed=1; fi
done

if [ "$changed" = 0 ]; then
  echo "setup-dotnet-interactive: nothing changed (dotnet-interactive $version in $tools, kernelspecs with --http-local-only in $kernels)"
fi
