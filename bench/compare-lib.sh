# Shared by the compare-*.sh scripts: start memcached and Larder side by side with the same -t/-m,
# run the same load against each, alternating A B A B, and print each run and the median ratios.
# Sourced, not run. Settings (environment):
#   ROUNDS=3          rounds of A B
#   DURATION=5s       length of each measured run
#   SERVER_THREADS=2  -t of both servers
#   MEMORY_MB=64      -m of both servers
#   BENCH_THREADS=2   --threads of larder bench
#   MEMCASLAP=0       1: also run memcaslap against each (W1, and W2's multi-get as -d 16)
#   PROTOCOL=text     larder bench's --protocol: text, meta or binary; binary gives memcaslap -B too
#                     (memcaslap has no meta protocol: with meta it keeps to text)
#   SERVER_CPUS=      CPUs for both servers (taskset -c list, e.g. 1), and
#   BENCH_CPUS=       CPUs for the load generator (e.g. 0): apart, the generator cannot preempt a server
#                     or the reverse; unset, all share every CPU
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-5s}"
SERVER_THREADS="${SERVER_THREADS:-2}"
MEMORY_MB="${MEMORY_MB:-64}"
BENCH_THREADS="${BENCH_THREADS:-2}"
MEMCASLAP="${MEMCASLAP:-0}"
PROTOCOL="${PROTOCOL:-text}"
memcaslap_protocol=()
[[ "$PROTOCOL" == binary ]] && memcaslap_protocol=(-B)
on_server_cpus=()
[[ -n "${SERVER_CPUS:-}" ]] && on_server_cpus=(taskset -c "$SERVER_CPUS")
on_bench_cpus=()
[[ -n "${BENCH_CPUS:-}" ]] && on_bench_cpus=(taskset -c "$BENCH_CPUS")

work="$(mktemp -d)"
server_pids=()

cleanup() {
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source "$root/bench/ports-lib.sh"

# cpu_ticks PID: the user plus system CPU time the process has used, in clock ticks.
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# Starts both servers; sets memcached_port, larder_port, memcached_pid and larder_pid.
start_servers() {
  "$root/larder" --version >/dev/null  # builds the jar once, before anything is timed
  memcached_port="$(free_port)"
  local user=()
  [[ "$(id -u)" == 0 ]] && user=(-u nobody)
  "${on_server_cpus[@]}" memcached "${user[@]}" -l 127.0.0.1 -p "$memcached_port" -U 0 -t "$SERVER_THREADS" -m "$MEMORY_MB" &
  memcached_pid="$!"
  server_pids+=("$memcached_pid")
  larder_port="$(free_port)"
  # The launcher execs java, so this is the server's own pid.
  "${on_server_cpus[@]}" "$root/larder" serve -l 127.0.0.1 -p "$larder_port" -t "$SERVER_THREADS" -m "$MEMORY_MB" &
  larder_pid="$!"
  server_pids+=("$larder_pid")
  await_port "$memcached_port"
  await_port "$larder_port"
  echo "memcached on $memcached_port, larder on $larder_port (-t $SERVER_THREADS -m $MEMORY_MB)${SERVER_CPUS:+ on CPUs \
$SERVER_CPUS, the load generator on ${BENCH_CPUS:-all}}"
}

# compare LABEL BENCH_ARGS...: ROUNDS rounds of memcached then Larder; prints each run and the
# median of the per-round ratios Larder/memcached for ops/s, p99 and the server's CPU time per op.
compare() {
  local label="$1"
  shift
  set -- "$@" --protocol "$PROTOCOL"
  echo "== $label: larder bench $* --duration $DURATION --threads $BENCH_THREADS"
  # Every key is set once beforehand, so gets hit and the measured CPU time is the workload's alone;
  # then one unmeasured run each, so that the JVM has compiled its hot path before it is measured.
  for target in memcached larder; do
    local port_var="${target}_port"
    "${on_bench_cpus[@]}" "$root/larder" bench --servers "127.0.0.1:${!port_var}" --threads "$BENCH_THREADS" --quiet \
      --prefill --duration "$DURATION" "$@" >/dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    for target in memcached larder; do
      local port_var="${target}_port" pid_var="${target}_pid" before
      before="$(cpu_ticks "${!pid_var}")"
      "${on_bench_cpus[@]}" "$root/larder" bench --servers "127.0.0.1:${!port_var}" --threads "$BENCH_THREADS" \
        --duration "$DURATION" --quiet --json "$work/$label-$target-$round.json" "$@" >/dev/null
      echo $(($(cpu_ticks "${!pid_var}") - before)) >"$work/$label-$target-$round.ticks"
    done
  done
  python3 - "$work" "$label" "$ROUNDS" "$(getconf CLK_TCK)" <<'PY'
import json, statistics, sys
work, label, rounds, ticks_per_second = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def load(target, n):
    with open(f"{work}/{label}-{target}-{n}.json") as f:
        run = json.load(f)
    with open(f"{work}/{label}-{target}-{n}.ticks") as f:
        # The server's CPU time over the measured run, per op.
        run["cpu_us_per_op"] = int(f.read()) / ticks_per_second * 1e6 / max(1, run["ops"])
    return run
ops, p99, cpu = [], [], []
print(f"{'round':>5} {'target':>9} {'ops/s':>12} {'p50 us':>9} {'p99 us':>9} {'p99.9 us':>9} {'hit%':>7} "
      f"{'errors':>6} {'cpu us/op':>9}")
for n in range(1, rounds + 1):
    runs = {t: load(t, n) for t in ("memcached", "larder")}
    for t, r in runs.items():
        lat = r["latency_us"]["all"]
        print(f"{n:>5} {t:>9} {r['ops_per_second']:>12.0f} {lat['p50']:>9.1f} {lat['p99']:>9.1f} "
              f"{lat['p99_9']:>9.1f} {100 * r['hit_ratio']:>7.2f} {r['errors']:>6} {r['cpu_us_per_op']:>9.2f}")
    ops.append(runs["larder"]["ops_per_second"] / runs["memcached"]["ops_per_second"])
    p99.append(runs["larder"]["latency_us"]["all"]["p99"] / runs["memcached"]["latency_us"]["all"]["p99"])
    cpu.append(runs["larder"]["cpu_us_per_op"] / runs["memcached"]["cpu_us_per_op"])
print(f"{label}: median Larder/memcached over {rounds} rounds: ops/s {statistics.median(ops):.3f}x, "
      f"p99 {statistics.median(p99):.3f}x, server CPU per op {statistics.median(cpu):.3f}x "
      f"(goals: ops/s >= 1.0x, CPU per op <= 1.0x)")
PY
}

# compare_memcaslap MEMCASLAP_ARGS...: the same alternation with memcaslap as the load generator:
# ops/s and the server's CPU time per op (memcaslap prints no percentiles).
compare_memcaslap() {
  set -- "$@" "${memcaslap_protocol[@]}"
  echo "== memcaslap $* -t $DURATION"
  # One unmeasured run each, as compare() does: memcaslap's longer keys and growing key set take the
  # JVM down paths (eviction, compaction) that it compiles during the first seconds.
  for target in memcached larder; do
    local port_var="${target}_port"
    "${on_bench_cpus[@]}" memcaslap -s "127.0.0.1:${!port_var}" -t "$DURATION" "$@" >/dev/null
  done
  local rows=()
  for round in $(seq 1 "$ROUNDS"); do
    for target in memcached larder; do
      local port_var="${target}_port" pid_var="${target}_pid" before report ticks
      before="$(cpu_ticks "${!pid_var}")"
      report="$("${on_bench_cpus[@]}" memcaslap -s "127.0.0.1:${!port_var}" -t "$DURATION" "$@" | grep 'TPS:' | tail -1)"
      ticks=$(($(cpu_ticks "${!pid_var}") - before))
      # memcaslap's last line: "Run time: 5.0s Ops: 751234 TPS: 150246 Net_rate: 35.4M/s"
      rows+=("$round $target $(sed -n 's/.*Ops: \([0-9]*\) TPS: \([0-9]*\).*/\1 \2/p' <<<"$report") $ticks")
    done
  done
  python3 - "$(getconf CLK_TCK)" "${rows[@]}" <<'PY'
import statistics, sys
ticks_per_second = int(sys.argv[1])
runs = {}
print(f"{'round':>5} {'target':>9} {'ops/s':>12} {'cpu us/op':>9}")
for row in sys.argv[2:]:
    n, target, ops, tps, ticks = row.split()
    cpu = int(ticks) / ticks_per_second * 1e6 / max(1, int(ops))
    runs[(int(n), target)] = (int(tps), cpu)
    print(f"{n:>5} {target:>9} {int(tps):>12} {cpu:>9.2f}")
rounds = sorted({n for n, _ in runs})
ops = [runs[(n, "larder")][0] / runs[(n, "memcached")][0] for n in rounds]
cpu = [runs[(n, "larder")][1] / runs[(n, "memcached")][1] for n in rounds]
print(f"memcaslap: median Larder/memcached over {len(rounds)} rounds: ops/s {statistics.median(ops):.3f}x, "
      f"server CPU per op {statistics.median(cpu):.3f}x (goals: ops/s >= 1.0x, CPU per op <= 1.0x)")
PY
}

# Stops both servers, so that the next start_servers begins with empty caches.
stop_servers() {
  kill "$memcached_pid" "$larder_pid"
  wait "$memcached_pid" "$larder_pid" 2>/dev/null || true
  server_pids=()
}

# memory PID: the process's resident memory now and its peak, in MiB (VmRSS and VmHWM in /proc/PID/status).
memory() {
  awk '/^VmRSS/ { rss = $2 } /^VmHWM/ { peak = $2 } END { printf "RSS %.0f MiB, peak %.0f MiB", rss / 1024, peak / 1024 }' \
    "/proc/$1/status"
}
