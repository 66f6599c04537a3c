#!/usr/bin/python3
"""Encode and decode memcached values with pymemcache's serde, for PymemcacheSerdeTest.

Run with the system Python that has Debian's python3-pymemcache:

    /usr/bin/python3 serde_vectors.py < request.json > reply.json

The request is one JSON object:

    {"encode": [{"id": "...", "serde": "plain" | "compressed", "value": VALUE}, ...],
     "decode": [{"id": "...", "serde": "plain" | "compressed", "flags": N, "hex": "..."}, ...]}

where VALUE is {"str": "..."}, {"int": "<decimal>"}, {"bytes": "<hex>"} or {"dict": {...}} (a
value pymemcache pickles). The reply is

    {"pymemcache": "<version>", "compressed_serde": "<where CompressedSerde came from>",
     "encoded": {"<id>": {"flags": N, "hex": "..."}, ...},
     "decoded": {"<id>": VALUE, ...}}

where a decoded VALUE is {"str"}, {"int"}, {"bytes"} as above, {"none": true} or {"repr": "..."}.

"plain" is pymemcache's default serde (serde.pickle_serde: python_memcache_serializer and
python_memcache_deserializer). "compressed" is pymemcache's CompressedSerde (zlib, min_compress_len
400) around it; pymemcache before 4.0 has no CompressedSerde, so then the class below, which does what
pymemcache 4.0's does, stands in for it.
"""

import json
import sys
import zlib

import pymemcache
from pymemcache import serde


class CompressedSerdeAsInPymemcache4:
    """pymemcache 4.0's serde.CompressedSerde, for pymemcache versions that lack it."""

    def __init__(self, inner, min_compress_len=400):
        self._serde = inner
        self._min_compress_len = min_compress_len

    def serialize(self, key, value):
        value, flags = self._serde.serialize(key, value)
        if len(value) > self._min_compress_len > 0:
            compressed = zlib.compress(value)
            if len(compressed) <= len(value):
                value, flags = compressed, flags | serde.FLAG_COMPRESSED
        return value, flags

    def deserialize(self, key, value, flags):
        if flags & serde.FLAG_COMPRESSED:
            value = zlib.decompress(value)
        return self._serde.deserialize(key, value, flags)


if hasattr(serde, "CompressedSerde"):
    COMPRESSED_SERDE = serde.CompressedSerde(serde=serde.pickle_serde)
    COMPRESSED_SERDE_SOURCE = "pymemcache"
else:
    COMPRESSED_SERDE = CompressedSerdeAsInPymemcache4(serde.pickle_serde)
    COMPRESSED_SERDE_SOURCE = "this script (pymemcache < 4.0 has no CompressedSerde)"

SERDES = {"plain": serde.pickle_serde, "compressed": COMPRESSED_SERDE}
KEY = "key"


def from_json(value):
    (kind, payload), = value.items()
    if kind == "str":
        return payload
    if kind == "int":
        return int(payload)
    if kind == "bytes":
        return bytes.fromhex(payload)
    if kind == "dict":
        return payload
    raise ValueError("unknown value kind %r" % kind)


def to_json(value):
    if value is None:
        return {"none": True}
    if type(value) is str:
        return {"str": value}
    if type(value) is int:
        return {"int": str(value)}
    if type(value) is bytes:
        return {"bytes": value.hex()}
    return {"repr": repr(value)}


def main():
    request = json.load(sys.stdin)
    encoded = {}
    for item in request.get("encode", []):
        value, flags = SERDES[item["serde"]].serialize(KEY, from_json(item["value"]))
        if isinstance(value, str):  # the serializer leaves ints as "%d" text; the client encodes it
            value = value.encode("ascii")
        encoded[item["id"]] = {"flags": flags, "hex": value.hex()}
    decoded = {}
    for item in request.get("decode", []):
        value = SERDES[item["serde"]].deserialize(KEY, bytes.fromhex(item["hex"]), item["flags"])
        decoded[item["id"]] = to_json(value)
    json.dump({
        "pymemcache": pymemcache.__version__,
        "compressed_serde": COMPRESSED_SERDE_SOURCE,
        "encoded": encoded,
        "decoded": decoded,
    }, sys.stdout)


if __name__ == "__main__":
    main()
