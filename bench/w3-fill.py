# Benchmark W3's fill: sets of 12-byte keys (k + 11 digits) with fixed-size values, pipelined with
# noreply, until BYTES of keys and values were written; then prints the server's curr_items.
# Usage: w3-fill.py PORT VALUE_SIZE BYTES
import socket, sys
port, size, total = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sock = socket.create_connection(('127.0.0.1', port))
reader = sock.makefile('rb')
value = b'v' * size
count = total // (12 + size)
batch = []
for n in range(count):
    batch.append(b'set k%011d 0 0 %d noreply\r\n%s\r\n' % (n, size, value))
    if len(batch) == 1000:
        sock.sendall(b''.join(batch))
        batch = []
sock.sendall(b''.join(batch) + b'stats\r\n')  # answered after every set before it
stats = {}
for line in iter(reader.readline, b'END\r\n'):
    _, name, stat = line.decode().split(' ', 2)
    stats[name] = stat.strip()
print('wrote %d items of %d B: curr_items %s, evictions %s' % (count, size, stats['curr_items'], stats['evictions']))
