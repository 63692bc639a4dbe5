"""Runs each argument as a cell in one fresh kernel (default .net-csharp) and prints each cell's status and outputs.

    /usr/bin/python3 tests/jupyter/run_cells.py [--kernel NAME] CELL [CELL...]

A repro tool: docs/dotnet-interactive-fsharp-core.md reproduces the FSharp.Core binding failure of dotnet-interactive
with it. The kernel starts in the current folder with ~/.dotnet/tools on PATH (the .net-* kernelspecs run
`dotnet interactive`).
"""
import os
import sys

from jupyter_client.manager import KernelManager


def show(message):
    content, kind = message["content"], message["msg_type"]
    if kind == "stream":
        print(f"    {content['name']}: {content['text'].strip()}")
    elif kind in ("execute_result", "display_data"):
        data = content["data"]
        print("    result: " + data.get("text/plain", "[" + ", ".join(data) + "]"))
    elif kind == "error":
        print(f"    error: {content['ename']}: {content['evalue']}")


def main(argv):
    kernel = ".net-csharp"
    if argv[:1] == ["--kernel"]:
        kernel, argv = argv[1], argv[2:]
    env = dict(os.environ, PATH=os.environ["PATH"] + ":" + os.path.expanduser("~/.dotnet/tools"))
    km = KernelManager(kernel_name=kernel)
    km.start_kernel(env=env, cwd=os.getcwd())
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=180)
        for code in argv:
            print(f">>> {code}")
            reply = client.execute_interactive(code, timeout=600, output_hook=show)
            print(f"    status: {reply['content']['status']}")
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main(sys.argv[1:])
