#!/usr/bin/env python3
"""ctrl_c.py SOCKET: a minimal GDB client: continue, Ctrl-C half a second
later, expect a SIGINT stop reply, read `monitor status`, then kill."""
import socket
import sys
import time


def packet(data):
    return b"$" + data + b"#%02x" % (sum(data) & 0xFF)


def read_reply(conn):
    buf = b""
    while True:
        chunk = conn.recv(4096)
        if not chunk:
            raise SystemExit("FAIL: the connection closed")
        buf += chunk
        start = buf.find(b"$")
        end = buf.find(b"#", start)
        if start >= 0 and 0 <= end <= len(buf) - 3:
            conn.sendall(b"+")
            return buf[start + 1:end]


def ask(conn, data):
    conn.sendall(packet(data))
    return read_reply(conn)


conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
for _ in range(100):
    try:
        conn.connect(sys.argv[1])
        break
    except OSError:
        time.sleep(0.1)
print("?", ask(conn, b"?").decode())
conn.sendall(packet(b"qRcmd," + b"hm-stop off".hex().encode()))
assert read_reply(conn) == b"OK"
conn.sendall(packet(b"vCont;c"))
time.sleep(0.5)
conn.sendall(b"\x03")
reply = read_reply(conn)
print("after Ctrl-C:", reply.decode())
if not reply.startswith(b"T02"):
    raise SystemExit("FAIL: expected a SIGINT stop (T02...)")
out = b""
conn.sendall(packet(b"qRcmd," + b"status".hex().encode()))
while True:
    r = read_reply(conn)
    if r == b"OK":
        break
    out += bytes.fromhex(r[1:].decode())
print(out.decode(), end="")
if b"MAF" not in out:
    raise SystemExit("FAIL: no monitor status")
conn.sendall(packet(b"k"))
print("ok")
