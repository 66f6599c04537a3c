#!/usr/bin/python3
"""Reference placements for larder-client's routing tests, produced by the peer libraries.

Run from the repository root, as root or as a user that may start memcached (Debian packages
memcached, python3-pylibmc, python3-pymemcache):

    /usr/bin/python3 larder-client/src/test/resources/routing/make_vectors.py

It rewrites keys.txt, ketama.txt, modula.txt and rendezvous.txt next to itself; the output is
deterministic, so a rerun leaves git clean.

Where the answers come from:
  ketama      pylibmc.Client(servers, behaviors={"ketama_weighted": True}) (libmemcached)
  modula      pylibmc.Client(servers) with default behaviors (modula over one-at-a-time)
  rendezvous  pymemcache HashClient(servers) with its default RendezvousHash
pylibmc exposes no placement API, so the script starts real memcached instances on loopback
addresses, stores every key through the pylibmc client under test and then asks each server
alone which keys it holds. pymemcache's HashClient picks a server without connecting, so its
own _get_client(key) answers directly.

File formats (lines starting with '#' are comments):
  keys.txt     one key per line, hex of its UTF-8 bytes (pymemcache gets the decoded str)
  <dist>.txt   one line per server list: "<spec>,<spec>,... <owners>", where spec is
               host[:port[:weight]] ([v6] in brackets) and the i-th character of owners is the
               index in that list of the server that owns the i-th key of keys.txt
"""

import hashlib
import os
import socket
import struct
import subprocess
import time

import pylibmc
from pylibmc.client import translate_server_spec
from pymemcache.client.hash import HashClient

HERE = os.path.dirname(os.path.abspath(__file__))
TIE_SEARCH_FIRST_PORT = 30000

SERVER_LISTS = [
    ["127.0.0.1:11211"],
    ["127.0.0.1", "127.0.0.2"],
    ["127.0.0.1:21201", "127.0.0.1:21202", "127.0.0.1:21203"],
    ["localhost:21301", "127.0.0.2:11211", "[::1]:21311", "127.0.0.1:21204", "[::1]:11211"],
    ["127.0.0.%d:11211" % i for i in range(1, 11)],
    ["127.0.0.1:%d" % port for port in range(21201, 21211)],
    ["127.0.0.3:11211:1", "127.0.0.1:21201:2", "localhost:21301:3"],
    ["127.0.0.1:21201:5"] + ["127.0.0.1:%d:1" % port for port in range(21202, 21208)],
    ["127.0.0.1:21201:100", "127.0.0.2:11211:1", "127.0.0.1:21202:1"],
    # float32 quirk: 1/25*40*5 is 8, libmemcached's float arithmetic gives 7.9999995, so the
    # weight-1 servers get 28 points each instead of 32.
    ["127.0.0.1:21201:1", "127.0.0.1:21202:1", "127.0.0.1:21203:1", "127.0.0.2:11211:11",
     "127.0.0.3:11211:11"],
]


def md5_points(text):
    """The four ketama points libmemcached takes from MD5(text)."""
    return struct.unpack("<4I", hashlib.md5(text.encode()).digest())


def tied_ports():
    """Two ports on 127.0.0.1 whose 160-point ketama continua share a point, and that point."""
    owner_of_point = {}
    port = TIE_SEARCH_FIRST_PORT
    while True:
        for i in range(40):
            for point in md5_points("127.0.0.1:%d-%d" % (port, i)):
                if owner_of_point.get(point, port) != port:
                    return owner_of_point[point], port, point
                owner_of_point[point] = port
        port += 1


def keys_landing_on(point, ports):
    """Keys whose hash falls just before point, so that point's owner gets them."""
    continuum = sorted(p for port in ports for i in range(40)
                       for p in md5_points("127.0.0.1:%d-%d" % (port, i)))
    previous = continuum[continuum.index(point) - 1]
    found, n = [], 0
    while len(found) < 3:
        key = "tie:%d" % n
        if previous < md5_points(key)[0] <= point:
            found.append(key)
        n += 1
    return found


def generated_keys():
    prefixes = ["", "user:", "session/", "k", "product-", "cache.v2.", "a_b|c~"]
    keys = ["%s%d" % (prefixes[n % len(prefixes)], n) for n in range(700)]
    for n in range(150):
        digest = hashlib.sha256(b"%d" % n).hexdigest()
        keys.append(digest[: 1 + n % 64])
    return keys


def odd_keys():
    one_byte = [chr(c) for c in range(0x21, 0x7F)]
    longest = ["x" * 250, "é" * 125, "日" * 83 + "x", hashlib.sha256(b"long").hexdigest() * 3 + "ab",
               "y" * 249]
    non_ascii = ["é", "日", "🎉", "clé", "ключ", "日本語キー", "🎉party", "naïve-café", "Ωmega",
                 "ß", "\u00ff", "\u0100", "\uffff"]
    punctuation = ["a:b/c?d=e&f#g", "{json}", '"quoted"', "back\\slash", "%20", "[x]",
                   "`~!@#$%^&*()_+-=|;'<>,.", "--", "::", "a-b-c", "127.0.0.1:11211-0"]
    return one_byte + longest + non_ascii + punctuation


def all_keys(tie_keys):
    keys = list(dict.fromkeys(generated_keys() + odd_keys() + tie_keys))
    for key in keys:
        assert 1 <= len(key.encode()) <= 250, key
    return keys


class Memcacheds:
    """memcached processes for every (address, port) the server lists use."""

    def __init__(self, endpoints):
        user = ["-u", "nobody"] if os.geteuid() == 0 else []
        self.processes = {
            (host, port): subprocess.Popen(
                ["memcached", "-l", host, "-p", str(port), "-U", "0", "-m", "16"] + user)
            for host, port in sorted(endpoints)}
        for (host, port), process in self.processes.items():
            wait_for(host, port, process)

    def stop(self):
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            process.wait()


def wait_for(host, port, process):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for _ in range(100):
        if process.poll() is not None:
            raise RuntimeError("memcached on %s:%d exited" % (host, port))
        with socket.socket(family) as probe:
            if probe.connect_ex((host, port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("memcached on %s:%d did not start" % (host, port))


def endpoint(spec):
    _, host, port, _ = translate_server_spec(spec)
    return ("127.0.0.1" if host == "localhost" else host), port


def libmemcached_owners(specs, behaviors, keys):
    """Owner index per key, as the servers saw it after a pylibmc client stored every key."""
    for spec in specs:
        pylibmc.Client([spec]).flush_all()
    encoded = [key.encode() for key in keys]
    client = pylibmc.Client(specs, behaviors=behaviors)
    failed = client.set_multi({key: b"1" for key in encoded})
    assert not failed, (specs, failed)
    owners = {}
    for index, spec in enumerate(specs):
        for key in pylibmc.Client([spec]).get_multi(encoded):
            assert key not in owners, (specs, key)
            owners[key] = index
    assert len(owners) == len(keys), (specs, len(owners))
    return [owners[key] for key in encoded]


def pymemcache_owners(specs, keys):
    servers = [translate_server_spec(spec)[1:3] for spec in specs]
    client = HashClient(servers, allow_unicode_keys=True)
    return [servers.index(client._get_client(key).server) for key in keys]


def write(name, header, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Generated by make_vectors.py; do not edit. " + header + "\n")
        for line in lines:
            out.write(line + "\n")


def main():
    port_a, port_b, point = tied_ports()
    tie_keys = keys_landing_on(point, [port_a, port_b])
    # libmemcached breaks the tie towards the server listed first.
    tie_lists = [["127.0.0.1:%d" % port_a, "127.0.0.1:%d" % port_b],
                 ["127.0.0.1:%d" % port_b, "127.0.0.1:%d" % port_a]]
    server_lists = SERVER_LISTS + tie_lists
    keys = all_keys(tie_keys)

    memcacheds = Memcacheds({endpoint(spec) for specs in server_lists for spec in specs})
    try:
        ketama = [libmemcached_owners(specs, {"ketama_weighted": True}, keys)
                  for specs in server_lists]
        modula = [libmemcached_owners(specs, None, keys) for specs in server_lists]
    finally:
        memcacheds.stop()
    rendezvous = [pymemcache_owners(specs, keys) for specs in server_lists]

    write("keys.txt", "Hex of each key's UTF-8 bytes.", [key.encode().hex() for key in keys])
    for name, owners_per_list, source in [
            ("ketama.txt", ketama, 'pylibmc ketama_weighted'),
            ("modula.txt", modula, "pylibmc default behaviors (modula)"),
            ("rendezvous.txt", rendezvous, "pymemcache HashClient")]:
        write(name, "Owners by " + source + ".",
              [",".join(specs) + " " + "".join(str(i) for i in owners)
               for specs, owners in zip(server_lists, owners_per_list)])


if __name__ == "__main__":
    main()
