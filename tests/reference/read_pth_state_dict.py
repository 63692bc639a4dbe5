#!/usr/bin/env python3
"""Reads a torch.save zip of a state_dict without torch and prints {name: {"shape", "values"}} as JSON.

Used by CheckpointTests to check that .pth files written by NotebookKit (TorchSharp.PyBridge) have the layout
torch.load expects: a zip with <root>/data.pkl whose pickle rebuilds tensors with
torch._utils._rebuild_tensor_v2 from float32 storages stored as <root>/data/<key>.
    python3 tests/reference/read_pth_state_dict.py model.pth
"""
import collections
import json
import pickle
import struct
import sys
import zipfile


def read(path):
    with zipfile.ZipFile(path) as z:
        pkl = next(n for n in z.namelist() if n.endswith("/data.pkl"))
        root = pkl[: -len("data.pkl")]

        def storage(key):
            raw = z.read(f"{root}data/{key}")
            return list(struct.unpack(f"<{len(raw) // 4}f", raw))

        def rebuild(store, offset, size, stride, *rest):
            n = 1
            for s in size:
                n *= s
            assert list(stride) == [  # contiguous, row-major
                _prod(size[i + 1:]) for i in range(len(size))], f"stride {stride} for size {size}"
            return {"shape": list(size), "values": store[offset: offset + n]}

        class Unpickler(pickle.Unpickler):
            def find_class(self, module, name):
                if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
                    return rebuild
                if (module, name) == ("collections", "OrderedDict"):
                    return collections.OrderedDict
                if module == "torch" and name == "FloatStorage":
                    return "FloatStorage"
                raise pickle.UnpicklingError(f"unexpected global {module}.{name}")

            def persistent_load(self, pid):
                kind, storage_type, key, location, numel = pid
                assert kind == "storage" and storage_type == "FloatStorage", pid
                return storage(key)

        return dict(Unpickler(z.open(pkl)).load())


def _prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


if __name__ == "__main__":
    json.dump(read(sys.argv[1]), sys.stdout)
