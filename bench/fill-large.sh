#!/usr/bin/env bash
# A large cache filled to the brim with a small heap (issue 4): `larder serve -m MEMORY_MB` (default
# 8192) takes FILL times its limit in 1000-byte values over the wire, with the launcher's own JVM
# options (heap at most 256 MB) plus a GC log. Prints items kept, the heap in use, resident memory
# against -m, and the longest GC pause. Needs MEMORY_MB + about 1 GB of free memory.
# Settings (environment): MEMORY_MB=8192, FILL=1.25, BENCH_THREADS=2, CONNECTIONS=32.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEMORY_MB="${MEMORY_MB:-8192}"
FILL="${FILL:-1.25}"
BENCH_THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
value_size=1000

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
source "$root/bench/ports-lib.sh"

"$root/larder" --version >/dev/null  # builds the jar once, before anything is measured
port="$(free_port)"
# JAVA_TOOL_OPTIONS adds the GC log to the launcher's options instead of replacing them.
JAVA_TOOL_OPTIONS="-Xlog:gc:file=$work/gc.log" "$root/larder" serve -p "$port" -m "$MEMORY_MB" -t 2 \
  >"$work/serve.log" 2>&1 &
server_pid="$!"
await_port "$port"

keys="$(python3 -c "print(int($FILL * $MEMORY_MB * 1024 * 1024 / $value_size))")"
echo "filling -m $MEMORY_MB with $keys sets of $value_size bytes ($FILL x the limit)"
"$root/larder" bench --servers "127.0.0.1:$port" --threads "$BENCH_THREADS" --connections "$CONNECTIONS" \
  --pipeline 16 --ratio 0:1 --value-size "$value_size" --keys "$keys" --requests "$keys" --quiet | sed -n '2p;5p'

python3 - "$port" "$server_pid" "$MEMORY_MB" "$work/gc.log" <<'PY'
import re, socket, sys
port, pid, limit_mb, gc_log = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
with socket.create_connection(("127.0.0.1", port)) as s:
    s.sendall(b"stats\r\n")
    reply = b""
    while not reply.endswith(b"END\r\n"):
        reply += s.recv(65536)
stats = dict(line.split(" ", 2)[1:] for line in reply.decode().splitlines() if line.startswith("STAT "))
status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
rss_mb = int(status["VmRSS"].split()[0]) // 1024
peak_mb = int(status["VmHWM"].split()[0]) // 1024
pauses = [(float(ms), line.strip()) for line in open(gc_log)
          for ms in re.findall(r"Pause.* ([0-9.]+)ms$", line)]
heaps = [int(after) for _, line in pauses for after in re.findall(r"->(\d+)M", line)]
print(f"curr_items {stats['curr_items']}, evictions {stats['evictions']}, "
      f"bytes {int(stats['bytes']) >> 20} MB of limit_maxbytes {int(stats['limit_maxbytes']) >> 20} MB")
print(f"resident memory {rss_mb} MB (peak {peak_mb} MB) = -m {limit_mb} + {rss_mb - limit_mb} MB "
      f"(peak + {peak_mb - limit_mb} MB)")
print(f"GC: {len(pauses)} pauses, longest {max((p for p, _ in pauses), default=0):.1f} ms; "
      f"heap after GC at most {max(heaps, default=0)} MB")
for ms, line in sorted(pauses, reverse=True)[:3]:
    print("  " + line)
PY
