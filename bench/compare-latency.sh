#!/usr/bin/env bash
# Latency at a fixed rate (BENCHMARKS.md): W1 at half of memcached's peak throughput, against
# memcached and Larder side by side, alternating. Latency counts from each request's intended send
# time, so a stalled server is not hidden. Goals: Larder's p99 <= memcached's; p99.9 < 5 ms.
# Every run is a fresh bench JVM, so each first runs UNMEASURED_START of load unmeasured, for the
# bench's JIT to compile its hot path; the peak run too, so that the rate is half the true peak.
# Settings: UNMEASURED_START=3s; RATE=N to measure at N ops/s instead of half the peak (e.g. the
# same rate with another BENCH_THREADS, whose peak run would differ); see compare-lib.sh for the rest.
source "$(dirname "${BASH_SOURCE[0]}")/compare-lib.sh"

UNMEASURED_START="${UNMEASURED_START:-3s}"
start_servers
w1=(--ratio 9:1 --value-size 100 --connections 64 --pipeline 1 --keys 100000
  --unmeasured-start "$UNMEASURED_START")
if [[ -n "${RATE:-}" ]]; then
  rate="$RATE"
  echo "measuring both at $rate ops/s (RATE)"
else
  "${on_bench_cpus[@]}" "$root/larder" bench --servers "127.0.0.1:$memcached_port" --threads "$BENCH_THREADS" --quiet --prefill \
    --duration "$DURATION" --json "$work/peak.json" --protocol "$PROTOCOL" "${w1[@]}" >/dev/null
  rate="$(python3 -c 'import json, sys; print(int(json.load(open(sys.argv[1]))["ops_per_second"] / 2))' "$work/peak.json")"
  echo "memcached's W1 peak: $((rate * 2)) ops/s; measuring both at $rate ops/s"
fi
compare W1-at-half-peak "${w1[@]}" --rate "$rate"
