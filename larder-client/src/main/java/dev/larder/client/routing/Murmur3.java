package dev.larder.client.routing;

/** MurmurHash3's 32-bit x86 variant, the hash pymemcache's rendezvous hashing scores with. */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** The hash of {@code data[offset..offset+length)} with {@code seed}. */
  static int hash32(byte[] data, int offset, int length, int seed) {
    int hash = seed;
    int blocksEnd = offset + (length & ~3);
    for (int i = offset; i < blocksEnd; i += 4) {
      hash ^= mixBlock(littleEndianInt(data, i));
      hash = Integer.rotateLeft(hash, 13) * 5 + 0xe6546b64;
    }
    int tailLength = length & 3;
    if (tailLength > 0) {
      int tail = 0;
      for (int i = blocksEnd + tailLength - 1; i >= blocksEnd; i--) {
        tail = tail << 8 | (data[i] & 0xff);
      }
      hash ^= mixBlock(tail);
    }
    return finalMix(hash ^ length);
  }

  private static int mixBlock(int block) {
    return Integer.rotateLeft(block * C1, 15) * C2;
  }

  private static int finalMix(int hash) {
    int h = hash;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int littleEndianInt(byte[] data, int at) {
    return (data[at] & 0xff)
        | (data[at + 1] & 0xff) << 8
        | (data[at + 2] & 0xff) << 16
        | (data[at + 3] & 0xff) << 24;
  }
}
