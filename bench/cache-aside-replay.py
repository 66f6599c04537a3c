# Cache-aside replay (benchmark W4, or a trace from ../shared/traces) against a memcached-protocol server:
# get; on a miss set. Prints the miss ratio after the warm-up share. Keys (key:%08x) and each key's value
# size are those of `larder simulate` (larder-bench CacheAsideReplay, ValueSizes); the Zipf draws are
# Python's, so a Zipf stream matches the simulator's in distribution, not request by request, while a
# trace is the same stream. Usage: cache-aside-replay.py PORT KEYS REQUESTS WARMUP MIN_VALUE MAX_VALUE [TRACE.xz]
# W4 against memcached: memcached -u nobody -l 127.0.0.1 -p 21877 -U 0 -t 2 -m 64 &
#   python3 bench/cache-aside-replay.py 21877 1000000 2000000 0.2 50 500
import bisect, random, socket, sys
port, keys, count, warm = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
minv, maxv = int(sys.argv[5]), int(sys.argv[6])
trace = sys.argv[7] if len(sys.argv) > 7 else None
M = (1 << 64) - 1
def vlen(n):  # ValueSizes.sizeOf: SplitMix64's finalizer of the key number, as a signed 64-bit value
    z = (n + 0x9E3779B97F4A7C15) & M
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return minv + ((z ^ (z >> 31)) % (maxv - minv + 1))
if trace:
    import lzma, struct
    data = lzma.open(trace).read()
    reqs = [x[0] for x in struct.iter_unpack('>i', data)]
else:
    cum, s = [], 0.0
    for k in range(keys):
        s += (k + 1) ** -0.99
        cum.append(s)
    rnd = random.Random(42)
    reqs = [min(keys - 1, bisect.bisect_left(cum, rnd.random() * s)) for _ in range(count)]
sock = socket.create_connection(('127.0.0.1', port))
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
f = sock.makefile('rb')
counted = int(len(reqs) * warm)
misses = 0
for i, n in enumerate(reqs):
    key = b'key:%08x' % (n & 0xffffffff)
    sock.sendall(b'get ' + key + b'\r\n')
    line = f.readline()
    if line.startswith(b'VALUE'):
        size = int(line.split()[3])
        f.read(size + 2); f.readline()
    else:
        if i >= counted: misses += 1
        v = vlen(n)
        sock.sendall(b'set ' + key + b' 0 0 %d noreply\r\n' % v + b'x' * v + b'\r\n')
print('miss ratio %.4f over %d requests' % (misses / (len(reqs) - counted), len(reqs) - counted))
