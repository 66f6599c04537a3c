#!/usr/bin/env bash
# W1 mixed (BENCHMARKS.md): 9:1 get:set, 100 B values, 64 connections, no pipelining; memcached
# and Larder side by side, alternating. Settings: see compare-lib.sh (ROUNDS, DURATION, ...).
source "$(dirname "${BASH_SOURCE[0]}")/compare-lib.sh"

start_servers
compare W1 --ratio 9:1 --value-size 100 --connections 64 --pipeline 1 --keys 100000
if [[ "$MEMCASLAP" == 1 ]]; then
  compare_memcaslap -T "$BENCH_THREADS" -c 64 -X 100
fi
