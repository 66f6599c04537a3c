#!/usr/bin/env python3
"""The commands a get/set load leaves out, as a load: incr, decr, touch, gat/gats, append, prepend,
delete and their meta and binary forms, each key taken through a cycle of them. Every connection sends
a batch of cycles and a no-op, then reads until the no-op's reply, so that every reply is read.

    bench/command-mix.py --server 127.0.0.1:11211 --protocol text --duration 8 --json run.json

Prints, and with --json writes, {"ops": <commands sent, no-ops left out>, "ops_per_second": ...}:
the form bench/server-garbage.sh reads from larder bench.
"""
import argparse
import json
import selectors
import socket
import struct
import time

CYCLES_PER_BATCH = 20
KEYS = 10_000


def text_cycle(key):
    return [
        b"set %s 0 0 1\r\n7\r\n" % key,
        b"incr %s 5\r\n" % key,
        b"decr %s 2\r\n" % key,
        b"touch %s 100\r\n" % key,
        b"gat 100 %s\r\n" % key,
        b"gats 200 %s\r\n" % key,
        b"append %s 0 0 1\r\n0\r\n" % key,
        b"prepend %s 0 0 1\r\n1\r\n" % key,
        b"delete %s\r\n" % key,
        b"delete %s\r\n" % key,  # a miss
    ]


def meta_cycle(key):
    return [
        b"ms %s 1 T0\r\n7\r\n" % key,
        b"ma %s D5 v\r\n" % key,
        b"ma %s MD D2 t c\r\n" % key,
        b"mg %s T100 v\r\n" % key,
        b"md %s I T30\r\n" % key,
        b"md %s q\r\n" % key,
        b"ma %s N0 J13 v\r\n" % key,  # created on the miss
        b"md %s\r\n" % key,
        b"md %s\r\n" % key,  # a miss
    ]


def binary(opcode, key=b"", extras=b"", value=b""):
    body = len(extras) + len(key) + len(value)
    return struct.pack(">BBHBBHIIQ", 0x80, opcode, len(key), len(extras), 0, 0, body, 0, 0) + extras + key + value


def binary_cycle(key):
    incr = struct.pack(">QQI", 5, 0, 0xFFFFFFFF)
    decr = struct.pack(">QQI", 2, 0, 0xFFFFFFFF)
    create = struct.pack(">QQI", 1, 13, 0)  # expiration 0: create the missing number, 13
    return [
        binary(0x01, key, struct.pack(">II", 0, 0), b"7"),  # set
        binary(0x05, key, incr),  # incr
        binary(0x06, key, decr),  # decr
        binary(0x1C, key, struct.pack(">I", 100)),  # touch
        binary(0x1D, key, struct.pack(">I", 100)),  # gat
        binary(0x23, key, struct.pack(">I", 200)),  # gatk
        binary(0x0E, key, value=b"0"),  # append
        binary(0x0F, key, value=b"1"),  # prepend
        binary(0x04, key),  # delete
        binary(0x05, key, create),  # created on the miss
        binary(0x04, key),  # delete
        binary(0x04, key),  # a miss
    ]


PROTOCOLS = {
    "text": (text_cycle, b"mn\r\n"),
    "meta": (meta_cycle, b"mn\r\n"),
    "binary": (binary_cycle, binary(0x0A)),
}


class Connection:
    def __init__(self, address, cycle, noop, first_key):
        self.sock = socket.create_connection(address)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.cycle, self.noop = cycle, noop
        self.key = first_key
        self.binary = noop[0] == 0x80
        self.received = b""

    def send_batch(self):
        commands = []
        for _ in range(CYCLES_PER_BATCH):
            commands += self.cycle(b"mix:%d" % self.key)
            self.key = (self.key + 1) % KEYS
        self.sock.sendall(b"".join(commands) + self.noop)
        self.received = b""
        return len(commands)

    def batch_answered(self, data):
        """Whether the batch's replies, the no-op's last, are all here."""
        self.received += data
        if not self.binary:
            return self.received.endswith(b"MN\r\n")
        at = 0
        while len(self.received) - at >= 24:
            opcode = self.received[at + 1]
            (body,) = struct.unpack_from(">I", self.received, at + 8)
            if len(self.received) - at < 24 + body:
                return False
            if opcode == 0x0A:
                return True
            at += 24 + body
        self.received = self.received[at:]
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default="127.0.0.1:11211")
    parser.add_argument("--protocol", choices=PROTOCOLS, default="text")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=float, default=8.0, help="seconds")
    parser.add_argument("--json", help="file to write the result to")
    args = parser.parse_args()
    host, port = args.server.rsplit(":", 1)
    cycle, noop = PROTOCOLS[args.protocol]
    selector = selectors.DefaultSelector()
    ops = 0
    for i in range(args.connections):
        connection = Connection((host, int(port)), cycle, noop, i * KEYS // args.connections)
        selector.register(connection.sock, selectors.EVENT_READ, connection)
        ops += connection.send_batch()
    start = time.monotonic()
    deadline = start + args.duration
    pending = args.connections
    while pending:
        for selected, _ in selector.select():
            connection = selected.data
            data = connection.sock.recv(1 << 16)
            if not data:
                raise SystemExit("the server closed a connection")
            if connection.batch_answered(data):
                if time.monotonic() < deadline:
                    ops += connection.send_batch()
                else:
                    selector.unregister(connection.sock)
                    connection.sock.close()
                    pending -= 1
    elapsed = time.monotonic() - start
    result = {"ops": ops, "ops_per_second": ops / elapsed}
    print(json.dumps(result))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(result, out)


if __name__ == "__main__":
    main()
