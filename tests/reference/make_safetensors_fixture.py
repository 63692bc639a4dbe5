#!/usr/bin/env python3
"""Writes tests/reference/fixtures/tiny.safetensors for SafeTensorsTests (PyTorch -> NotebookKit interop).

Run from the repository root:  /usr/bin/python3 tests/reference/make_safetensors_fixture.py

If the `safetensors` package is importable, the file is written by the reference
`safetensors.torch.save_file`. Otherwise (the case on the machine that generated the committed fixture:
Debian has no python3-safetensors package and only apt/npm/NuGet were reachable) the format is written
by hand below with struct + json from numpy arrays, following the spec: u64 little-endian header length,
JSON header padded with spaces to a multiple of 8, tensors packed in the reference order (dtype alignment
descending, then name), little-endian row-major data. The script prints which writer it used.

Values are arange-based so the C# test can recompute them; every value is exactly representable in its
dtype, so the expected float32 values are exact.
"""
import json
import os
import struct
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "tiny.safetensors")
METADATA = {"format": "pt", "source": "make_safetensors_fixture.py"}


def tensors():
    """name -> (dtype, numpy array). BF16 arrays are float32 arrays whose low 16 bits are zero."""
    return {
        "fc1.weight": ("F32", (np.arange(12, dtype=np.float32) * 0.25 - 1.0).reshape(3, 4)),  # (3, 4)
        "fc1.bias": ("F32", np.arange(3, dtype=np.float32) - 1.5),                           # (3,)
        "scale": ("F32", np.array(7.5, dtype=np.float32)),                                    # () 0-d
        "empty": ("F32", np.zeros((0, 3), dtype=np.float32)),                                 # (0, 3)
        "dec.weight64": ("F64", (np.arange(6, dtype=np.float64) / 4.0 - 0.5).reshape(2, 3)),  # (2, 3)
        "dec.bias16": ("F16", np.arange(5, dtype=np.float16) * np.float16(0.5) - np.float16(1)),  # (5,)
        "emb.bf16": ("BF16", (np.arange(4, dtype=np.float32) * 1.5 - 2.0).reshape(2, 2)),     # (2, 2)
    }


def save_with_safetensors():
    import torch
    from safetensors.torch import save_file

    torch_dtypes = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16}
    out = {}
    for name, (dtype, arr) in tensors().items():
        t = torch.from_numpy(arr.astype(np.float32) if dtype == "BF16" else arr)
        out[name] = t.to(torch_dtypes[dtype]).contiguous()
    save_file(out, OUT, metadata=METADATA)


def to_bytes(dtype, arr):
    if dtype == "BF16":  # keep the top 16 bits of each float32
        return (arr.astype("<f4").view("<u4") >> 16).astype("<u2").tobytes()
    return arr.astype({"F32": "<f4", "F64": "<f8", "F16": "<f2"}[dtype]).tobytes()


def save_by_hand():
    size = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2}
    items = sorted(tensors().items(), key=lambda kv: (-size[kv[1][0]], kv[0]))
    header, blobs, offset = {"__metadata__": METADATA}, [], 0
    for name, (dtype, arr) in items:
        data = to_bytes(dtype, arr)
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    tmp = OUT + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)
    os.replace(tmp, OUT)


if __name__ == "__main__":
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    try:
        import safetensors.torch  # noqa: F401
        save_with_safetensors()
        print(f"wrote {OUT} with safetensors.torch.save_file")
    except ImportError:
        save_by_hand()
        print(f"wrote {OUT} by hand (struct + json + numpy): the safetensors package is not installed", file=sys.stdout)
