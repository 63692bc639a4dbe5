#!/usr/bin/env python3
"""Lets TorchSharp's native shim load on systems whose libstdc++ predates GCC 13 (Debian 12: GLIBCXX_3.4.30).

TorchSharp 0.107's libLibTorchSharp.so is built with GCC 13 and needs GLIBCXX_3.4.32 for exactly one symbol,
std::ios_base_library_init(): a marker GCC 13's <iostream> references so that the runtime initialises the standard
streams; no relocation uses it. This script sets VER_FLG_WEAK on that one version requirement (its Vernaux entry), so
the dynamic linker accepts an older libstdc++ (which initialises the streams itself) instead of refusing the file.

It patches only when: the system libstdc++ lacks GLIBCXX_3.4.32, and the file's only GLIBCXX_3.4.32 symbol is that
marker. Anything else stops with a message. Idempotent: an already-patched file is left as it is. The write is
atomic (a temporary file beside it, then rename).

usage: fix-torchsharp-glibcxx.py FILE...      exit 0 (patched or nothing to do), 1 (refused, with the reason)
       fix-torchsharp-glibcxx.py --check FILE  exit 0 when the file loads here as it is, 3 when it needs the patch
"""
import os
import struct
import sys

VERSION = b"GLIBCXX_3.4.32"
MARKER = b"_ZSt21ios_base_library_initv"
VER_FLG_WEAK = 0x2
SHT_DYNSYM, SHT_GNU_verneed, SHT_GNU_versym = 11, 0x6FFFFFFE, 0x6FFFFFFF


class Refused(Exception):
    pass


def system_has_version():
    for d in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"):
        p = os.path.join(d, "libstdc++.so.6")
        if os.path.exists(p):
            with open(p, "rb") as f:
                return VERSION in f.read()
    raise Refused("no libstdc++.so.6 found on this system: install libstdc++6 (apt-get install libstdc++6).")


def cstr(data, off):
    return data[off:data.index(b"\0", off)]


def sections(data):
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise Refused("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    out = []
    for i in range(shnum):
        name, typ, flags, addr, off, size, link, info, align, entsize = struct.unpack_from(
            "<IIQQQQIIQQ", data, shoff + i * shentsize)
        out.append(dict(type=typ, off=off, size=size, link=link, info=info, entsize=entsize))
    return out


def find_vernaux(data):
    """Returns (offset of the Vernaux entry for VERSION, its flags, its version index) or None."""
    secs = sections(data)
    for s in secs:
        if s["type"] != SHT_GNU_verneed:
            continue
        strtab = secs[s["link"]]["off"]
        off = s["off"]
        for _ in range(s["info"]):
            vn_version, vn_cnt, vn_file, vn_aux, vn_next = struct.unpack_from("<HHIII", data, off)
            aux = off + vn_aux
            for _ in range(vn_cnt):
                vna_hash, vna_flags, vna_other, vna_name, vna_next = struct.unpack_from("<IHHII", data, aux)
                if cstr(data, strtab + vna_name) == VERSION:
                    return aux, vna_flags, vna_other
                aux += vna_next
            off += vn_next
    return None


def symbols_with_version(data, index):
    secs = sections(data)
    dynsym = next(s for s in secs if s["type"] == SHT_DYNSYM)
    versym = next(s for s in secs if s["type"] == SHT_GNU_versym)
    strtab = secs[dynsym["link"]]["off"]
    names = []
    for i in range(dynsym["size"] // dynsym["entsize"]):
        v, = struct.unpack_from("<H", data, versym["off"] + 2 * i)
        if v & 0x7FFF == index:
            st_name, = struct.unpack_from("<I", data, dynsym["off"] + i * dynsym["entsize"])
            names.append(cstr(data, strtab + st_name))
    return names


def patch(path):
    with open(path, "rb") as f:
        data = bytearray(f.read())
    found = find_vernaux(data)
    if found is None:
        return f"{path}: needs no {VERSION.decode()}; nothing to do"
    off, flags, index = found
    if flags & VER_FLG_WEAK:
        return f"{path}: already patched ({VERSION.decode()} is a weak requirement)"
    names = symbols_with_version(data, index)
    if names != [MARKER]:
        raise Refused(f"{path}: needs {VERSION.decode()} for {[n.decode() for n in names]}, not only the marker "
                      f"{MARKER.decode()}; patching would be unsafe. Use a system with GCC >= 13's libstdc++ "
                      "(Debian 13, Ubuntu 24.04) or the dev container.")
    struct.pack_into("<H", data, off + 4, flags | VER_FLG_WEAK)
    tmp = f"{path}.tmp.{os.getpid()}"
    with open(tmp, "wb") as f:
        f.write(data)
    os.chmod(tmp, os.stat(path).st_mode)
    os.replace(tmp, path)
    return f"{path}: marked {VERSION.decode()} weak (only {MARKER.decode()} used it; the system libstdc++ lacks it)"


def main(argv):
    check = argv[:1] == ["--check"]
    files = argv[1:] if check else argv
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        if system_has_version():
            if not check:
                print(f"fix-torchsharp: the system libstdc++ has {VERSION.decode()}; nothing to do")
            return 0
        status = 0
        for path in files:
            if check:
                with open(path, "rb") as f:
                    data = f.read()
                found = find_vernaux(data)
                if found is not None and not found[1] & VER_FLG_WEAK:
                    print(f"{path}: needs {VERSION.decode()}, which this system's libstdc++ lacks")
                    status = 3
            else:
                print("fix-torchsharp: " + patch(path))
        return status
    except Refused as e:
        print(f"fix-torchsharp: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
