#!/usr/bin/env bash
# Heap garbage the server makes per request, and the young collections it costs: starts `./larder
# serve -t 2 -m 64` with a GC log, sets every key and warms up with `larder bench` (or memcaslap),
# then records the event-loop threads' allocated bytes (JFR's jdk.ThreadAllocationStatistics, read at
# the start and the end of a measured run) and prints bytes per request and the GC pauses inside it.
#
#   bench/server-garbage.sh                                  # W1: 9:1 get:set, 100 B values, 64 connections
#   BENCH_ARGS="--connections 64 --multiget 16" bench/server-garbage.sh
#   BENCH_ARGS="... --protocol meta" bench/server-garbage.sh
#   MEMCASLAP_ARGS="-T 2 -c 64 -X 100 -B" bench/server-garbage.sh  # memcaslap's load: here the binary protocol
#   MIX=text bench/server-garbage.sh    # incr, decr, touch, gat, append, delete...: bench/command-mix.py
#
# Settings: DURATION=8s; BENCH_ARGS (default W1's); MEMCASLAP_ARGS (memcaslap instead of larder bench);
# MIX=text|meta|binary (bench/command-mix.py's commands in that protocol instead).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/ports-lib.sh"
DURATION="${DURATION:-8s}"
read -r -a bench_args <<< "${BENCH_ARGS:---ratio 9:1 --value-size 100 --connections 64 --keys 100000}"

work="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/larder" --version >/dev/null  # builds the jar once, before anything is timed
port="$(free_port)"
# The launcher's own JVM options, plus a GC log through the variable every JVM reads besides them;
# the launcher execs java, so $! is the server's pid.
JAVA_TOOL_OPTIONS="-Xlog:gc:file=$work/gc.log:uptimemillis" \
  "$root/larder" serve -l 127.0.0.1 -p "$port" -t 2 -m 64 >/dev/null 2>&1 &
pid="$!"
await_port "$port"

bench() {
  "$root/larder" bench --servers "127.0.0.1:$port" --threads 2 --quiet "${bench_args[@]}" "$@" >/dev/null
}
# uptime_ms: the server JVM's uptime in milliseconds, the clock its GC log is stamped with.
uptime_ms() {
  jcmd "$pid" VM.uptime | awk 'NR == 2 { printf "%d", $1 * 1000 }'
}
# load DURATION [--json FILE]: the load for DURATION; with --json, its request count into FILE as
# larder bench writes it.
load() {
  if [[ -n "${MIX:-}" ]]; then
    python3 "$root/bench/command-mix.py" --server "127.0.0.1:$port" --protocol "$MIX" --duration "${1%s}" \
      ${3:+--json "$3"} >/dev/null
    return
  fi
  if [[ -z "${MEMCASLAP_ARGS:-}" ]]; then
    bench --duration "$@"
    return
  fi
  read -r -a memcaslap_args <<< "$MEMCASLAP_ARGS"
  local out
  out="$(memcaslap -s "127.0.0.1:$port" "${memcaslap_args[@]}" -t "$1")"
  if [[ "${2:-}" == --json ]]; then
    sed -n 's/.*Run time: \([0-9.]*\)s Ops: \([0-9]*\) TPS: \([0-9]*\).*/{"ops": \2, "ops_per_second": \3}/p' \
      <<<"$out" | tail -1 >"$3"
  fi
}
if [[ -z "${MEMCASLAP_ARGS:-}${MIX:-}" ]]; then
  bench --prefill --duration 5s  # sets every key; the JIT compiles the server's hot path
else
  load 5s
fi
jcmd "$pid" JFR.start name=garbage settings=none +jdk.ThreadAllocationStatistics#enabled=true \
  +jdk.ThreadAllocationStatistics#period=everyChunk filename="$work/alloc.jfr" >/dev/null
start_ms="$(uptime_ms)"
load "$DURATION" --json "$work/run.json"
end_ms="$(uptime_ms)"
jcmd "$pid" JFR.stop name=garbage >/dev/null
jfr print --json --events jdk.ThreadAllocationStatistics "$work/alloc.jfr" >"$work/alloc.json"

python3 - "$work" "$start_ms" "$end_ms" <<'PY'
import collections, json, re, sys
work, start_ms, end_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
run = json.load(open(f"{work}/run.json"))
allocated = collections.defaultdict(list)
for event in json.load(open(f"{work}/alloc.json"))["recording"]["events"]:
    thread = event["values"]["thread"]
    if thread and thread["javaName"].startswith("larder-loop"):
        allocated[thread["javaName"]].append(event["values"]["allocated"])
garbage = sum(max(v) - min(v) for v in allocated.values())
pauses = []
for line in open(f"{work}/gc.log"):
    m = re.match(r"\[(\d+)ms\].*Pause Young.* (\d+\.\d+)ms$", line.strip())
    if m and start_ms <= int(m.group(1)) <= end_ms:
        pauses.append(float(m.group(2)))
print(f"{run['ops']} requests at {run['ops_per_second']:.0f}/s; event loops allocated {garbage / 1e6:.1f} MB: "
      f"{garbage / run['ops']:.1f} B per request (JFR's reading brackets the run)")
print(f"young collections during the run: {len(pauses)}"
      + (f", pauses {min(pauses):.2f}-{max(pauses):.2f} ms" if pauses else ""))
PY
