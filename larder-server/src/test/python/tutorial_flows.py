#!/usr/bin/python3
"""The flows of pymemcache's tutorial, run against three cache servers on 127.0.0.1.

Usage: /usr/bin/python3 tutorial_flows.py PORT1 PORT2 PORT3

Each flow uses its own keys, so the servers need not be empty. Prints one PASS/FAIL line per flow
and a summary; exits 0 only if every flow passed, 1 if one failed, 2 on bad usage or a missing
pymemcache (Debian package python3-pymemcache, for the system /usr/bin/python3).
"""

import sys
import threading
import time
import traceback

try:
    from pymemcache import serde
    from pymemcache.client.base import Client
    from pymemcache.client.hash import HashClient
    from pymemcache.fallback import FallbackClient
except ImportError as e:
    print(f"pymemcache is required (apt-get install python3-pymemcache; run /usr/bin/python3): {e}")
    sys.exit(2)

HOST = "127.0.0.1"
TIMEOUT = 5  # seconds, for every connect and socket operation


class FlowFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise FlowFailed(message)


def client(port, **kwargs):
    return Client((HOST, port), connect_timeout=TIMEOUT, timeout=TIMEOUT, **kwargs)


def set_and_get(ports):
    c = client(ports[0])
    c.set("tut_some_key", "some_value")
    got = c.get("tut_some_key")
    check(got == b"some_value", f"get after set returned {got!r}")
    check(c.get("tut_absent_key") is None, "get of an absent key is not None")
    check(c.get("tut_absent_key", default="dflt") == "dflt", "get default not returned on a miss")
    pickled = client(ports[0], serde=serde.pickle_serde)
    value = {"name": "larder", "sizes": [1, 2, 3]}
    pickled.set("tut_pickled", value)
    check(pickled.get("tut_pickled") == value, "pickle_serde round trip changed the value")


def expiry(ports):
    c = client(ports[0])
    check(c.set("tut_ttl", "short-lived", expire=1, noreply=False), "set with expire=1 not stored")
    check(c.get("tut_ttl") == b"short-lived", "item gone right after set")
    deadline = time.monotonic() + 5
    while c.get("tut_ttl") is not None:
        check(time.monotonic() < deadline, "item with a 1 s TTL still there after 5 s")
        time.sleep(0.2)


def cache_aside(ports):
    c = client(ports[0])
    database = {"user:42": "Ada"}
    loads = []

    def get_user(key):
        cached = c.get(key)
        if cached is not None:
            return cached.decode()
        loads.append(key)
        value = database[key]
        c.set(key, value, expire=60)
        return value

    key = "user:42"
    c.delete(key)
    check(get_user(key) == "Ada", "first read did not return the database value")
    check(get_user(key) == "Ada", "second read did not return the cached value")
    check(loads == [key], f"database loaded {len(loads)} times, expected once")
    database[key] = "Ada Lovelace"
    c.delete(key, noreply=False)
    check(get_user(key) == "Ada Lovelace", "read after invalidation returned a stale value")
    check(len(loads) == 2, f"database loaded {len(loads)} times after invalidation, expected twice")


def fallback(ports):
    new, old = client(ports[0]), client(ports[1])
    old.set("tut_legacy", "from-old", noreply=False)
    new.delete("tut_legacy", noreply=False)
    both = FallbackClient((new, old))
    check(both.get("tut_legacy") == b"from-old", "read did not fall back to the second cache")
    both.set("tut_fresh", "written", noreply=False)
    check(new.get("tut_fresh") == b"written", "write did not go to the first cache")
    check(old.get("tut_fresh") is None, "write reached the second cache too")
    check(both.get("tut_fresh") == b"written", "read of a fresh key failed")


def cas_counter(ports, threads=4, increments=50, max_attempts=20000):
    key = "tut_cas_counter"
    first = client(ports[0])
    first.set(key, "0", noreply=False)
    _, stale = first.gets(key)
    first.set(key, "0", noreply=False)
    check(first.cas(key, "1", stale, noreply=False) is False, "cas with a stale unique was not refused")
    errors = []
    conflicts = []

    def worker():
        c = client(ports[0])
        done = attempts = 0
        while done < increments:
            attempts += 1
            if attempts > max_attempts:
                errors.append(f"gave up after {max_attempts} attempts with {done} increments")
                return
            value, unique = c.gets(key)
            if c.cas(key, str(int(value) + 1), unique, noreply=False):
                done += 1
            else:
                conflicts.append(1)

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        check(not w.is_alive(), "a cas worker still running after 60 s")
    check(not errors, "; ".join(errors))
    final = int(client(ports[0]).get(key))
    check(final == threads * increments, f"counter is {final}, expected {threads * increments}: lost updates")
    print(f"  cas counter: {final} increments, {len(conflicts)} cas conflicts retried")


def incr_decr(ports):
    c = client(ports[0])
    c.set("tut_counter", "10", noreply=False)
    check(c.incr("tut_counter", 5) == 15, "incr 5 of 10 is not 15")
    check(c.decr("tut_counter", 3) == 12, "decr 3 of 15 is not 12")
    check(c.decr("tut_counter", 100) == 0, "decr below zero did not stop at 0")
    check(c.incr("tut_no_counter", 1) is None, "incr of a missing key is not None")
    check(c.incr("tut_counter", 2**64 - 1) == 2**64 - 1, "incr to 2^64-1 failed")
    check(c.incr("tut_counter", 1) == 0, "incr past 2^64-1 did not wrap to 0")


def hash_client(ports, count=300):
    servers = [(HOST, p) for p in ports]
    ring = HashClient(servers, connect_timeout=TIMEOUT, timeout=TIMEOUT)
    values = {f"tut_hash_{i}": f"value-{i}" for i in range(count)}
    failed = ring.set_many(values, noreply=False)
    check(not failed, f"set_many failed for {len(failed)} keys")
    got = ring.get_many(list(values))
    check(len(got) == count, f"get_many returned {len(got)} of {count} keys")
    wrong = [k for k, v in got.items() if v != values[k].encode()]
    check(not wrong, f"{len(wrong)} keys read back with other values, e.g. {wrong[:3]}")
    held = [len(client(p).get_many(list(values))) for p in ports]
    check(all(n > 0 for n in held), f"keys per server {held}: a server holds none")
    check(sum(held) == count, f"keys per server {held} do not add up to {count}")


FLOWS = [set_and_get, expiry, cache_aside, fallback, cas_counter, incr_decr, hash_client]


def main(argv):
    if len(argv) != 4 or not all(a.isdigit() for a in argv[1:]):
        print(__doc__)
        return 2
    ports = [int(a) for a in argv[1:]]
    failures = 0
    for flow in FLOWS:
        started = time.monotonic()
        try:
            flow(ports)
            print(f"PASS {flow.__name__} ({time.monotonic() - started:.1f} s)")
        except FlowFailed as e:
            failures += 1
            print(f"FAIL {flow.__name__}: {e}")
        except Exception:
            failures += 1
            print(f"FAIL {flow.__name__}: unexpected error")
            traceback.print_exc(file=sys.stdout)
    print(f"{len(FLOWS) - failures}/{len(FLOWS)} tutorial flows passed against ports {ports}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
