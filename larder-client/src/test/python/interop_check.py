#!/usr/bin/python3
"""Shares a str and an int between Java and pymemcache through a real server, for PythonInteropIT.

Run with the system Python that has Debian's python3-pymemcache:

    /usr/bin/python3 interop_check.py HOST:PORT read    # checks what Java stored
    /usr/bin/python3 interop_check.py HOST:PORT write   # stores values for Java to check

"read" expects the key "java:str" to hold the str "text from Java \u00e9" and "java:int" the int
1234567, as pymemcache's default serde (serde.pickle_serde) decodes them; "write" stores the str
"text from Python \u00fc" under "py:str" and the int 7654321 under "py:int" with that serde. The
script prints what it did and exits with status 1 when a value or its type is not as expected.
"""

import sys

from pymemcache import serde
from pymemcache.client.base import Client

FROM_JAVA = {"java:str": "text from Java \u00e9", "java:int": 1234567}
FROM_PYTHON = {"py:str": "text from Python \u00fc", "py:int": 7654321}


def read(client):
    ok = True
    for key, expected in FROM_JAVA.items():
        actual = client.get(key)
        if type(actual) is not type(expected) or actual != expected:
            print("%s: %r (%s) (expected: %r (%s))" % (
                key, actual, type(actual).__name__, expected, type(expected).__name__))
            ok = False
        else:
            print("%s: %r (%s)" % (key, actual, type(actual).__name__))
    return ok


def write(client):
    for key, value in FROM_PYTHON.items():
        if not client.set(key, value, noreply=False):
            print("%s: not stored" % key)
            return False
        print("%s: stored %r (%s)" % (key, value, type(value).__name__))
    return True


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("read", "write"):
        print(__doc__)
        return 2
    host, port = sys.argv[1].rsplit(":", 1)
    client = Client((host, int(port)), serde=serde.pickle_serde, connect_timeout=5, timeout=5)
    try:
        return 0 if (read(client) if sys.argv[2] == "read" else write(client)) else 1
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main())
