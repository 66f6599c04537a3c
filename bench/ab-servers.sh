#!/usr/bin/env bash
# A/B of server builds (or memcached) under the same load: starts every server command given, warms
# each up, then runs ROUNDS rounds of memcaslap against each in turn and prints, per run and as
# medians, ops/s and the server's user and system CPU time per op (/proc/PID/stat). For telling
# whether one change to the server saves CPU, where compare-*.sh compare Larder with memcached.
#
#   bench/ab-servers.sh "memcached -u nobody -U 0 -l 127.0.0.1 -p {P} -t 2 -m 64" \
#     "java -jar /tmp/before.jar serve -l 127.0.0.1 -p {P} -t 2 -m 64" \
#     "java -jar /tmp/after.jar serve -l 127.0.0.1 -p {P} -t 2 -m 64"
#
# {P} is replaced by a free port. Settings: ROUNDS=6, DURATION=5s, MEMCASLAP_ARGS="-T 2 -c 64 -X 100".
# A server run as `java -jar` needs the launcher's options to compare with `./larder serve`
# (see the larder script: heap, direct memory, leak detector off).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/ports-lib.sh"
ROUNDS="${ROUNDS:-6}"
DURATION="${DURATION:-5s}"
read -r -a load <<< "${MEMCASLAP_ARGS:--T 2 -c 64 -X 100}"

pids=()
ports=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

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
  memcaslap -s "127.0.0.1:$port" -t "$DURATION" "${load[@]}" >/dev/null # warm-up, unmeasured
done

rows=()
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!ports[@]}"; do
    read -r user0 system0 < <(awk '{print $14, $15}' "/proc/${pids[$i]}/stat")
    ops="$(memcaslap -s "127.0.0.1:${ports[$i]}" -t "$DURATION" "${load[@]}" \
      | sed -n 's/.*Ops: \([0-9]*\) TPS.*/\1/p' | tail -1)"
    read -r user1 system1 < <(awk '{print $14, $15}' "/proc/${pids[$i]}/stat")
    rows+=("$round $i $ops $((user1 - user0)) $((system1 - system0))")
  done
done

python3 - "$(getconf CLK_TCK)" "${DURATION%s}" "$@" -- "${rows[@]}" <<'PY'
import statistics, sys
args = sys.argv[1:]
ticks, seconds = int(args[0]), float(args[1])
split = args.index("--")
commands, rows = args[2:split], args[split + 1:]
runs = {}
print(f"{'round':>5} {'server':>6} {'ops/s':>9} {'user us/op':>10} {'sys us/op':>9} {'total':>7}")
for row in rows:
    n, i, ops, user, system = (int(x) for x in row.split())
    u, s = user / ticks * 1e6 / ops, system / ticks * 1e6 / ops
    runs.setdefault(i, []).append((ops / seconds, u, s))
    print(f"{n:>5} {i:>6} {ops / seconds:>9.0f} {u:>10.2f} {s:>9.2f} {u + s:>7.2f}")
print("medians:")
for i, command in enumerate(commands):
    r = runs[i]
    med = [statistics.median(x[k] for x in r) for k in range(3)]
    print(f"  {i}: ops/s {med[0]:.0f}, user {med[1]:.2f}, sys {med[2]:.2f}, total {med[1] + med[2]:.2f} us/op  <- {command}")
PY
