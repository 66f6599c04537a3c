#!/usr/bin/env bash
# W5 clients (BENCHMARKS.md): the Larder client against spymemcached, xmemcached and folsom on one
# memcached 1.6, from 1, 16 and 128 caller threads making blocking gets and sets (9:1, 100 B values,
# every key set first). Each run is a fresh JVM with one client at one thread count; the clients
# alternate (A B C D A B C D ...) over ROUNDS rounds, and the medians are compared.
# Settings (environment):
#   ROUNDS=3               rounds of every client at every thread count
#   DURATION=5s            measured time of each run
#   WARMUP=2s              unmeasured time before each run
#   THREADS="1 16 128"     caller-thread counts
#   CLIENTS="larder spymemcached xmemcached folsom"
#   CONNECTIONS=2          connections per client where it can be chosen (spymemcached has 1)
#   LARDER_IO_THREADS=0    the Larder client's event-loop threads (ioThreads), 0 for its default
#   TIMEOUT=1s             the longest a call waits, every client alike
#   SERVER_THREADS=2       memcached -t
#   JAVA_OPTS="-Xms512m -Xmx512m -XX:+UseG1GC"   the same for every client
#   OUT=                   keep every run's JSON line in this file, tagged ROUND-THREADS-CLIENT
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-2s}"
THREADS="${THREADS:-1 16 128}"
CLIENTS="${CLIENTS:-larder spymemcached xmemcached folsom}"
CONNECTIONS="${CONNECTIONS:-2}"
LARDER_IO_THREADS="${LARDER_IO_THREADS:-0}"
TIMEOUT="${TIMEOUT:-1s}"
SERVER_THREADS="${SERVER_THREADS:-2}"
read -r -a java_opts <<< "${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}"

work="$(mktemp -d)"
memcached_pid=""
cleanup() {
  [[ -n "$memcached_pid" ]] && kill "$memcached_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# larder-bench's runtime classpath: its classes, then the modules it uses (their target/classes, as the
# reactor resolves them) and the peer clients. test-compile because resolving the classpath resolves
# test dependencies too, among them larder-server's test classes.
echo "building larder-bench and its classpath..." >&2
"$root/mvnw" -q -B -f "$root/pom.xml" -pl larder-bench -am -DskipTests test-compile dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$work/classpath" >&2
# The modules' classes are copied, so that a build in this worktree during the runs changes nothing.
classpath=""
for entry in "$root/larder-bench/target/classes" $(tr ':' ' ' < "$work/classpath"); do
  if [[ -d "$entry" ]]; then
    copy="$work/classes/$(basename "$(dirname "$(dirname "$entry")")")"
    mkdir -p "$copy" && cp -r "$entry/." "$copy"
    entry="$copy"
  fi
  classpath="${classpath:+$classpath:}$entry"
done

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
user=()
[[ "$(id -u)" == 0 ]] && user=(-u nobody)
memcached "${user[@]}" -l 127.0.0.1 -p "$port" -U 0 -t "$SERVER_THREADS" -m 64 &
memcached_pid="$!"
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
echo "memcached 1.6 on $port (-t $SERVER_THREADS -m 64); $ROUNDS rounds of $DURATION after $WARMUP warm-up"

mkdir -p "$work/runs"
for round in $(seq 1 "$ROUNDS"); do
  for threads in $THREADS; do
    for client in $CLIENTS; do
      # A run with errors is reported here and its errors counted in the table; one that could not
      # start is reported and left out.
      if java "${java_opts[@]}" -Dnet.spy.log.LoggerImpl=net.spy.memcached.compat.log.SLF4JLogger \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$classpath" \
        dev.larder.bench.clients.ClientBenchmark --server "127.0.0.1:$port" --clients "$client" \
        --threads "$threads" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
        --larder-io-threads "$LARDER_IO_THREADS" --timeout "$TIMEOUT" \
        --json "$work/runs/$round-$threads-$client.json" >"$work/run.txt" 2>&1; then
        echo "round $round  $(tail -n 1 "$work/run.txt")"
      else
        echo "round $round  $client at $threads threads FAILED:" >&2
        cat "$work/run.txt" >&2
      fi
    done
  done
done
if [[ -n "${OUT:-}" ]]; then
  for run in "$work"/runs/*.json; do
    line="$(cat "$run")"
    echo "{\"run\":\"$(basename "$run" .json)\",${line#\{}"
  done > "$OUT"
fi

# Medians per client, then Larder against the best peer: the ratio of the medians, and the median of
# the per-round ratios to that round's best peer (BENCHMARKS.md asks for the latter).
python3 - "$work/runs" <<'PY'
import json, os, statistics, sys
from collections import defaultdict
runs = defaultdict(dict)
for name in os.listdir(sys.argv[1]):
    round_, threads, client = name[:-len(".json")].split("-", 2)
    with open(os.path.join(sys.argv[1], name)) as f:
        runs[(client, int(threads))][int(round_)] = json.loads(f.readline())
clients = [c for c in ("larder", "spymemcached", "xmemcached", "folsom") if any(c == k[0] for k in runs)]
threads = sorted({t for _, t in runs})
def median(rs, get):
    return statistics.median(get(r) for r in rs)
print(f"\nmedians over rounds  {'client':>13} {'ops/s':>11} {'cpu us/op':>9} {'p50 us':>9} {'p99 us':>9} "
      f"{'p99.9 us':>9} {'errors':>7}")
for t in threads:
    medians = {}
    for c in clients:
        rs = list(runs.get((c, t), {}).values())
        if not rs:
            continue
        medians[c] = {"ops": median(rs, lambda r: r["ops_per_second"]),
                      "cpu": median(rs, lambda r: r["cpu_us_per_op"]),
                      "p99": median(rs, lambda r: r["latency_us"]["p99"])}
        print(f"{t:>4} threads          {c:>13} {medians[c]['ops']:>11.0f} {medians[c]['cpu']:>9.1f} "
              f"{median(rs, lambda r: r['latency_us']['p50']):>9.1f} {medians[c]['p99']:>9.1f} "
              f"{median(rs, lambda r: r['latency_us']['p99_9']):>9.1f} {sum(r['errors'] for r in rs):>7}")
    peers = {c: m for c, m in medians.items() if c != "larder"}
    if "larder" not in medians or not peers:
        continue
    best = max(peers, key=lambda c: peers[c]["ops"])
    ops_ratio = medians["larder"]["ops"] / peers[best]["ops"]
    p99_ratio = medians["larder"]["p99"] / peers[best]["p99"]
    cpu_ratio = medians["larder"]["cpu"] / peers[best]["cpu"]
    per_round_ops, per_round_p99 = [], []
    for n, larder in runs[("larder", t)].items():
        round_peers = [runs[(c, t)][n] for c in peers if n in runs[(c, t)]]
        if round_peers:
            top = max(round_peers, key=lambda r: r["ops_per_second"])
            per_round_ops.append(larder["ops_per_second"] / top["ops_per_second"])
            per_round_p99.append(larder["latency_us"]["p99"] / top["latency_us"]["p99"])
    verdict = "met" if ops_ratio >= 1.5 and p99_ratio < 1 else "not met"
    print(f"{t:>4} threads: Larder / best peer ({best}): ops/s {ops_ratio:.2f}x, p99 {p99_ratio:.2f}x, "
          f"cpu/op {cpu_ratio:.2f}x; median per-round ratio to that round's best peer: "
          f"ops/s {statistics.median(per_round_ops):.2f}x ({', '.join(f'{x:.2f}' for x in per_round_ops)}), "
          f"p99 {statistics.median(per_round_p99):.2f}x (goal at 16 and 128 threads: ops/s >= 1.5x and a "
          f"lower p99: {verdict})")
PY
