# Shared by the bench/ scripts that start servers: find a free loopback port, wait for a listener.
# Sourced, not run.

# free_port: a loopback TCP port nothing listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# await_port PORT: returns once something accepts connections on it; fails after 30 s.
await_port() {
  local port="$1"
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "nothing listens on port $port after 30 s" >&2
  return 1
}
