#!/usr/bin/env bash
# The thundering-herd demonstration (docs/leases.md): PROCESSES JVMs x THREADS threads read one cold
# key, then the same key just after a change, while the loader takes LOAD_MS; plain cache-aside against
# CacheAside's leases, against memcached and against Larder's server.
# Settings (environment): PROCESSES=4 THREADS=32 LOAD_MS=200 SERVERS="memcached larder"
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROCESSES="${PROCESSES:-4}"
THREADS="${THREADS:-32}"
LOAD_MS="${LOAD_MS:-200}"
SERVERS="${SERVERS:-memcached larder}"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source "$root/bench/ports-lib.sh"

echo "building larder-bench and its classpath..." >&2
"$root/mvnw" -q -B -o -f "$root/pom.xml" -pl larder-bench -am -DskipTests test-compile dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$work/classpath" >&2
classpath="$root/larder-bench/target/classes:$(cat "$work/classpath")"

for server in $SERVERS; do
  port="$(free_port)"
  case "$server" in
    memcached)
      user=()
      [[ "$(id -u)" == 0 ]] && user=(-u nobody)
      memcached "${user[@]}" -l 127.0.0.1 -p "$port" -U 0 -m 64 &
      ;;
    larder)
      "$root/larder" serve -p "$port" -m 64 &
      ;;
    *)
      echo "server: $server (expected: memcached or larder)" >&2
      exit 2
      ;;
  esac
  server_pid="$!"
  await_port "$port"
  echo "== $server"
  java -cp "$classpath" dev.larder.bench.herd.HerdDemo --servers "127.0.0.1:$port" \
    --processes "$PROCESSES" --threads "$THREADS" --load-ms "$LOAD_MS"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
done
