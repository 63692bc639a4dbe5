"""Executes a notebook through real Jupyter machinery (nbclient + jupyter_client) with NotebookKit's kernel.

    /usr/bin/python3 tests/jupyter/execute_notebook.py IN.ipynb OUT.ipynb WORKING_DIR [TIMEOUT_SECONDS]

IN is usually the output of `NotebookKit.Jupyter.dll prepare notebook.ipynb IN.ipynb --fast` (parameters injected
as the headless runner injects them); WORKING_DIR is the notebook's own folder, so its relative #r line resolves.
Cells tagged raises-exception may fail and skip-execution cells are skipped, as nbclient does by default.
"""
import sys

import nbclient
import nbformat


def main(src, dst, cwd, timeout=600):
    nb = nbformat.read(src, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="csharp-notebookkit", timeout=int(timeout),
                                     startup_timeout=180, resources={"metadata": {"path": cwd}})
    try:
        client.execute()
    finally:
        nbformat.write(nb, dst)


if __name__ == "__main__":
    main(*sys.argv[1:])
