"""Memory of a Jupyter kernel over a notebook and over many small cells: NotebookKit's kernel vs dotnet-interactive.

    /usr/bin/python3 bench/kernel_memory.py KERNEL NOTEBOOK [--cells 1000] [--first-cell CODE]

KERNEL is csharp-notebookkit (this worktree's Release build, installed into a temporary prefix, so the user's kernels
are untouched) or .net-csharp (as environment/setup-dotnet-interactive.sh installs it). NOTEBOOK is a course notebook;
it is prepared in fast mode (`NotebookKit.Jupyter.dll prepare --fast`) and run cell by cell from notebooks/ (so its
`#r "../lib/…"` resolves). --first-cell runs before it (dotnet-interactive 1.0.712001 needs the FSharp.Core pin,
docs/dotnet-interactive-fsharp-core.md). RSS is the kernel's whole process tree (`dotnet interactive` runs the tool as
a child of the `dotnet` muxer), read from /proc through psutil. Prints one line per measurement and a JSON summary.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import nbformat
import psutil
from jupyter_client.manager import KernelManager

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL_DLL = os.path.join(REPO, "lib/NotebookKit.Jupyter/bin/Release/net10.0/NotebookKit.Jupyter.dll")


def tree_rss_mb(pid):
    root = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]) / 2**20


def run(client, code, what, timeout=900):
    msg_id = client.execute(code, store_history=True)
    while True:
        reply = client.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    while True:  # drain iopub, so the client does not hold every output
        try:
            client.get_iopub_msg(timeout=0.05)
        except Exception:
            break
    content = reply["content"]
    if content["status"] != "ok":
        sys.exit(f"kernel_memory: {what} failed: {content.get('ename')}: {content.get('evalue')}")


def managed_mb(client):
    """The kernel's managed heap after a full collection (GC.GetTotalMemory(true)), read from the cell's stdout."""
    out = []
    client.execute_interactive("Console.WriteLine(GC.GetTotalMemory(true));", timeout=300,
                               output_hook=lambda m: m["msg_type"] == "stream" and out.append(m["content"]["text"]))
    return int("".join(out).strip()) / 2**20


def prepared_cells(notebook, work):
    if not os.path.exists(KERNEL_DLL):
        sys.exit(f"kernel_memory: {KERNEL_DLL} is missing: dotnet build -c Release lib/NotebookKit.Jupyter")
    out = os.path.join(work, "prepared.ipynb")
    subprocess.run(["dotnet", KERNEL_DLL, "prepare", notebook, out, "--fast"], check=True, stdout=subprocess.DEVNULL)
    nb = nbformat.read(out, as_version=4)
    return [c.source for c in nb.cells
            if c.cell_type == "code" and "skip-execution" not in c.metadata.get("tags", [])
            and "raises-exception" not in c.metadata.get("tags", [])]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kernel")
    ap.add_argument("notebook")
    ap.add_argument("--cells", type=int, default=1000)
    ap.add_argument("--first-cell")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="kernel-memory-")
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE",
               PATH=os.environ["PATH"] + ":" + os.path.expanduser("~/.dotnet/tools"))
    if args.kernel == "csharp-notebookkit":
        subprocess.run(["dotnet", KERNEL_DLL, "install", "--prefix", work], check=True, stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(work, "share", "jupyter")
    cells = prepared_cells(os.path.abspath(args.notebook), work)

    km = KernelManager(kernel_name=args.kernel)
    km.start_kernel(cwd=os.path.join(REPO, "notebooks"), env=env)
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=180)
        pid = km.provisioner.process.pid
        summary = {"kernel": args.kernel, "notebook": os.path.basename(args.notebook)}
        for i in range(20):  # warm up the JIT and the compiler's caches, as the robustness test does
            run(client, f"var w{i} = {i} * 2;", f"warm-up cell {i}")
        summary["rss_started_mb"] = round(tree_rss_mb(pid))
        print(f"{args.kernel}: {summary['rss_started_mb']} MB after start and 20 small cells", flush=True)

        started = time.monotonic()
        for i, code in enumerate(([args.first_cell] if args.first_cell else []) + cells):
            run(client, code, f"{args.notebook}, code cell {i + 1}")
        summary["notebook_s"] = round(time.monotonic() - started)
        summary["notebook_cells"] = len(cells)
        summary["rss_after_notebook_mb"] = round(tree_rss_mb(pid))
        print(f"{args.kernel}: {summary['rss_after_notebook_mb']} MB after {args.notebook} in fast mode "
              f"({len(cells)} code cells, {summary['notebook_s']} s)", flush=True)

        before, heap_before = tree_rss_mb(pid), managed_mb(client)
        started = time.monotonic()
        growth = {}
        for i in range(1, args.cells + 1):
            run(client, f"var v{i} = {i} + 1;" if i % 2 == 0 else "1 + 1", f"small cell {i}")
            if i in (100, 300) or i == args.cells:
                growth[i] = round(tree_rss_mb(pid) - before, 1)
        grown = growth[args.cells]
        summary["small_cells"] = args.cells
        summary["small_cells_growth_mb"] = growth
        summary["kb_per_small_cell"] = round(grown * 1024 / args.cells)
        summary["ms_per_small_cell"] = round((time.monotonic() - started) * 1000 / args.cells, 1)
        print(f"{args.kernel}: +{grown:.0f} MB over {args.cells} small cells ({summary['kb_per_small_cell']} kB a cell, "
              f"{summary['ms_per_small_cell']} ms a cell; growth after 100 / 300 cells: {growth.get(100)} / {growth.get(300)} MB)", flush=True)
        # What stays after a full, compacting collection is what the cells hold for good, not garbage not yet collected.
        run(client, "System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce; "
                    "GC.Collect(2, GCCollectionMode.Forced, true, true); GC.WaitForPendingFinalizers(); GC.Collect();", "full GC")
        summary["small_cells_growth_after_gc_mb"] = round(tree_rss_mb(pid) - before, 1)
        summary["small_cells_managed_heap_growth_mb"] = round(managed_mb(client) - heap_before, 1)
        print(f"{args.kernel}: +{summary['small_cells_growth_after_gc_mb']:.0f} MB RSS over the small cells after a full GC; "
              f"managed heap +{summary['small_cells_managed_heap_growth_mb']:.0f} MB", flush=True)
        print(json.dumps(summary))
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
