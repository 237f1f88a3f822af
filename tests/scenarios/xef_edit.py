#!/usr/bin/env python3
"""xef_edit.py FILE [OFFSET=VALUE | OFFSET-=DELTA]... [--truncate N] [--redigest]

Edits a XEF file or container for the refusal tests: writes big-endian 32-bit
VALUEs at byte OFFSETs (or subtracts DELTA from the value there), cuts the
file to N bytes, and recomputes the MD5 at
offset 12 (both formats keep it there: the hash of the whole file with those
16 bytes zero), so that a test reaches the check behind the digest."""
import hashlib
import sys


def main(argv):
    path = argv[1]
    data = bytearray(open(path, "rb").read())
    redigest = False
    args = iter(argv[2:])
    for arg in args:
        if arg == "--redigest":
            redigest = True
        elif arg == "--truncate":
            del data[int(next(args), 0):]
        elif "-=" in arg:
            offset, delta = (int(x, 0) for x in arg.split("-="))
            value = (int.from_bytes(data[offset:offset + 4], "big") - delta) % (1 << 32)
            data[offset:offset + 4] = value.to_bytes(4, "big")
        else:
            offset, value = (int(x, 0) for x in arg.split("="))
            data[offset:offset + 4] = value.to_bytes(4, "big")
    if redigest:
        data[12:28] = bytes(16)
        data[12:28] = hashlib.md5(data).digest()
    open(path, "wb").write(data)


if __name__ == "__main__":
    main(sys.argv)
