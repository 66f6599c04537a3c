#!/usr/bin/env bash
# W4 zipf (BENCHMARKS.md) as cache-aside through bench/cache-aside-replay.py: 1M keys, Zipf 0.99,
# values 50..500 B by key, 2M requests, miss ratio after the first 20%; memcached and Larder side by
# side at the same -m, with each server's resident memory after the replay (peak = VmHWM). With
# TRACES=DIR it replays each *.trace.xz there instead, whole, values 500..4000 B (W6). Settings:
# see compare-lib.sh (MEMORY_MB, SERVER_THREADS).
source "$(dirname "${BASH_SOURCE[0]}")/compare-lib.sh"

replay() {  # LABEL REPLAY_ARGS...: one replay against each server, fresh servers
  local label="$1"
  shift
  start_servers
  for target in memcached larder; do
    local port_var="${target}_port" pid_var="${target}_pid"
    echo "$label, -m $MEMORY_MB, $target: $(python3 "$root/bench/cache-aside-replay.py" "${!port_var}" "$@"); $(memory "${!pid_var}")"
  done
  stop_servers
}

if [[ -z "${TRACES:-}" ]]; then
  replay W4 1000000 2000000 0.2 50 500
else
  for trace in "$TRACES"/*.trace.xz; do
    replay "W6 $(basename "$trace" .trace.xz)" 0 0 0 500 4000 "$trace"
  done
fi
