"""Executes a notebook through real Jupyter machinery (nbclient + jupyter_client) with NotebookKit's kernel.

    /usr/bin/python3 tests/jupyter/execute_notebook.py IN.ipynb OUT.ipynb WORKING_DIR [TIMEOUT_SECONDS [KERNEL_NAME]]

IN is usually the output of `NotebookKit.Jupyter.dll prepare notebook.ipynb IN.ipynb --fast` (parameters injected
as the headless runner injects them); WORKING_DIR is the notebook's own folder, so its relative #r line resolves.
Cells tagged raises-exception may fail and skip-execution cells are skipped, as nbclient does by default.
KERNEL_NAME defaults to csharp-notebookkit; .net-csharp runs the same notebook in Microsoft's dotnet-interactive.
"""
import sys

import nbclient
import nbformat


def main(src, dst, cwd, timeout=600, kernel_name="csharp-notebookkit"):
    nb = nbformat.read(src, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=int(timeout),
                                     startup_timeout=180, resources={"metadata": {"path": cwd}})
    try:
        client.execute()
    finally:
        nbformat.write(nb, dst)


if __name__ == "__main__":
    main(*sys.argv[1:])
