#!/usr/bin/env python3
"""Reads a safetensors file and prints it as JSON: {"__metadata__": {...}, name: {"dtype", "shape", "values"}}.

Used by SafeTensorsTests to check that files written by NotebookKit are readable from Python:
    python3 tests/reference/read_safetensors.py model.safetensors

Uses the reference `safetensors` package when importable; otherwise (no python3-safetensors on Debian)
an independent stdlib-only reader that checks the spec strictly: u64 little-endian header length, JSON
object header padded to a multiple of 8, tensors covering the byte buffer with no gaps or overlaps.
The "reader" field of the output says which one ran.
"""
import json
import struct
import sys


def read_reference(path):
    from safetensors import safe_open

    out = {}
    with safe_open(path, framework="pt") as f:
        out["__metadata__"] = f.metadata() or {}
        for name in f.keys():
            t = f.get_tensor(name)
            out[name] = {"dtype": str(t.dtype), "shape": list(t.shape),
                         "values": t.double().flatten().tolist()}
    out["reader"] = "safetensors"
    return out


def read_by_hand(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    assert n % 8 == 0, f"header length {n} is not a multiple of 8"
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    assert isinstance(header, dict), "header is not a JSON object"
    buffer = blob[8 + n:]
    out = {"__metadata__": header.pop("__metadata__", {})}
    spans = sorted((info["data_offsets"][0], info["data_offsets"][1], name) for name, info in header.items())
    pos = 0
    for begin, end, name in spans:
        assert begin == pos, f"{name}: gap or overlap at byte {begin} (expected {pos})"
        pos = end
    assert pos == len(buffer), f"tensors cover {pos} of {len(buffer)} buffer bytes"
    for name, info in header.items():
        assert info["dtype"] == "F32", f"{name}: dtype {info['dtype']}"
        begin, end = info["data_offsets"]
        count = 1
        for s in info["shape"]:
            count *= s
        assert end - begin == 4 * count, f"{name}: {end - begin} bytes for shape {info['shape']}"
        values = struct.unpack(f"<{count}f", buffer[begin:end])
        out[name] = {"dtype": "F32", "shape": info["shape"], "values": list(values)}
    out["reader"] = "by hand"
    return out


if __name__ == "__main__":
    try:
        import safetensors  # noqa: F401
        result = read_reference(sys.argv[1])
    except ImportError:
        result = read_by_hand(sys.argv[1])
    json.dump(result, sys.stdout)
