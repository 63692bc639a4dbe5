"""Adds the polyglot_notebook kernel info (VS Code Polyglot Notebooks / .NET Interactive open the notebook as C#) to
notebooks written before NotebookKit's Notebook normaliser wrote it, touching nothing else in the file.

    /usr/bin/python3 tools/notebooks/add_polyglot_metadata.py notebooks/*.ipynb

The same metadata is written by lib/NotebookKit.Kernel/Notebooks/Notebook.cs whenever NotebookKit saves a notebook;
this script exists because re-saving a committed notebook through .NET would also rewrite its number formatting.
Idempotent: a notebook that has the key is left alone.
"""
import json
import sys

BLOCK = '''  "polyglot_notebook": {
   "kernelInfo": {
    "defaultKernelName": "csharp",
    "items": [
     {
      "languageName": "C#",
      "name": "csharp"
     }
    ]
   }
  }'''


def add(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "polyglot_notebook" in json.loads(text)["metadata"]:
        return False
    # The top-level metadata object is the last one at indent 1 in Jupyter's layout: close it with our key added.
    end = text.rindex('\n },\n "nbformat"')
    text = text[:end] + ",\n" + BLOCK + text[end:]
    assert json.loads(text)["metadata"]["polyglot_notebook"]["kernelInfo"]["defaultKernelName"] == "csharp"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return True


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(("added to " if add(p) else "already in ") + p)
