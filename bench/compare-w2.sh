#!/usr/bin/env bash
# W2 pipelined (BENCHMARKS.md): W1 with 16 requests in flight per connection, then W1 with
# multi-gets of 16 keys; memcached and Larder side by side, alternating. Settings: see
# compare-lib.sh (ROUNDS, DURATION, ...).
source "$(dirname "${BASH_SOURCE[0]}")/compare-lib.sh"

start_servers
w1=(--ratio 9:1 --value-size 100 --connections 64 --keys 100000)
compare W2-pipeline "${w1[@]}" --pipeline 16
compare W2-multiget "${w1[@]}" --pipeline 1 --multiget 16
if [[ "$MEMCASLAP" == 1 ]]; then
  compare_memcaslap -T "$BENCH_THREADS" -c 64 -X 100 -d 16
fi
