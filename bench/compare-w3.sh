#!/usr/bin/env bash
# W3 fill (BENCHMARKS.md): 12-byte keys, fixed 32 B / 100 B / 1000 B values, 4x -m written, then
# curr_items from stats; memcached and Larder side by side at the same -m, fresh servers for each
# value size, with each server's resident memory after the fill (peak = VmHWM). Settings: see
# compare-lib.sh (MEMORY_MB, SERVER_THREADS); VALUE_SIZES="32 100 1000" picks the sizes.
source "$(dirname "${BASH_SOURCE[0]}")/compare-lib.sh"
VALUE_SIZES="${VALUE_SIZES:-32 100 1000}"

for size in $VALUE_SIZES; do
  start_servers
  for target in memcached larder; do
    port_var="${target}_port" pid_var="${target}_pid"
    echo "W3 $size B, -m $MEMORY_MB, $target: $(python3 "$root/bench/w3-fill.py" "${!port_var}" "$size" \
      $((4 * MEMORY_MB * 1024 * 1024))); $(memory "${!pid_var}")"
  done
  stop_servers
done
