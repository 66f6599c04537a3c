#!/usr/bin/env bash
# A/B of server builds (or memcached) under the same load: starts every server command given, warms
# each up, then runs ROUNDS rounds of the load against each in turn and prints, per run and as
# medians, ops/s, the server's user and system CPU time per op (/proc/PID/stat) and how often its
# threads went to sleep per op (voluntary context switches, /proc/PID/task/*/status: waits in
# epoll_wait, and parks on a contended lock). For telling whether one change to the server saves
# CPU, where compare-*.sh compare Larder with memcached.
#
#   bench/ab-servers.sh "memcached -u nobody -U 0 -l 127.0.0.1 -p {P} -t 2 -m 64" \
#     "java -jar /tmp/before.jar serve -l 127.0.0.1 -p {P} -t 2 -m 64" \
#     "java -jar /tmp/after.jar serve -l 127.0.0.1 -p {P} -t 2 -m 64"
#
# {P} is replaced by a free port. Settings: ROUNDS=6, DURATION=5s; the load is memcaslap with
# MEMCASLAP_ARGS="-T 2 -c 64 -X 100", or `larder bench` with BENCH_ARGS when that is set (for
# example BENCH_ARGS="--threads 2 --connections 64 --multiget 16"; every key is set first).
# A server run as `java -jar` needs the launcher's options to compare with `./larder serve`
# (see the larder script: heap, direct memory, leak detector off).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/ports-lib.sh"
ROUNDS="${ROUNDS:-6}"
DURATION="${DURATION:-5s}"
read -r -a memcaslap_args <<< "${MEMCASLAP_ARGS:--T 2 -c 64 -X 100}"
read -r -a bench_args <<< "${BENCH_ARGS:-}"

pids=()
ports=()
work="$(mktemp -d)"
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# load PORT [EXTRA...]: runs the load against the server on PORT for DURATION; prints the ops done.
load() {
  local port="$1"
  shift
  if [[ ${#bench_args[@]} -gt 0 ]]; then
    "$root/larder" bench --servers "127.0.0.1:$port" --duration "$DURATION" --quiet "${bench_args[@]}" "$@" \
      --json "$work/run.json" >/dev/null
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["ops"])' "$work/run.json"
  else
    memcaslap -s "127.0.0.1:$port" -t "$DURATION" "${memcaslap_args[@]}" | sed -n 's/.*Ops: \([0-9]*\) TPS.*/\1/p' | tail -1
  fi
}

# sleeps PID: the voluntary context switches of all the process's threads so far.
sleeps() {
  awk '/^voluntary_ctxt_switches/ { n += $2 } END { print n }' /proc/"$1"/task/*/status 2>/dev/null
}

for command in "$@"; do
  port="$(free_port)"
  bash -c "exec ${command//\{P\}/$port}" >/dev/null 2>&1 &
  pids+=("$!")
  ports+=("$port")
done
for port in "${ports[@]}"; do
  await_port "$port"
done
for port in "${ports[@]}"; do
  # Warm-up, unmeasured; larder bench also sets every key, so that its gets hit.
  if [[ ${#bench_args[@]} -gt 0 ]]; then load "$port" --prefill; else load "$port"; fi >/dev/null
done

rows=()
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!ports[@]}"; do
    read -r user0 system0 < <(awk '{print $14, $15}' "/proc/${pids[$i]}/stat")
    sleeps0="$(sleeps "${pids[$i]}")"
    ops="$(load "${ports[$i]}")"
    read -r user1 system1 < <(awk '{print $14, $15}' "/proc/${pids[$i]}/stat")
    rows+=("$round $i $ops $((user1 - user0)) $((system1 - system0)) $(($(sleeps "${pids[$i]}") - sleeps0))")
  done
done

python3 - "$(getconf CLK_TCK)" "${DURATION%s}" "$@" -- "${rows[@]}" <<'PY'
import statistics, sys
args = sys.argv[1:]
ticks, seconds = int(args[0]), float(args[1])
split = args.index("--")
commands, rows = args[2:split], args[split + 1:]
runs = {}
print(f"{'round':>5} {'server':>6} {'ops/s':>9} {'user us/op':>10} {'sys us/op':>9} {'total':>7} {'sleeps/op':>9}")
for row in rows:
    n, i, ops, user, system, sleeps = (int(x) for x in row.split())
    u, s, z = user / ticks * 1e6 / ops, system / ticks * 1e6 / ops, sleeps / ops
    runs.setdefault(i, []).append((ops / seconds, u, s, z))
    print(f"{n:>5} {i:>6} {ops / seconds:>9.0f} {u:>10.2f} {s:>9.2f} {u + s:>7.2f} {z:>9.3f}")
print("medians:")
for i, command in enumerate(commands):
    r = runs[i]
    med = [statistics.median(x[k] for x in r) for k in range(4)]
    print(f"  {i}: ops/s {med[0]:.0f}, user {med[1]:.2f}, sys {med[2]:.2f}, total {med[1] + med[2]:.2f} us/op, "
          f"sleeps {med[3]:.3f}/op  <- {command}")
PY
