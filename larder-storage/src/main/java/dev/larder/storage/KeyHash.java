package dev.larder.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 64-bit hash of a key (MurmurHash3's mixing over 8-byte words). {@link SegmentEngine} takes the
 * shard from its high bits and {@link HashIndex} the position and tag from its low bits, so the two
 * choices are independent.
 */
final class KeyHash {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private KeyHash() {}

  /** The hash of {@code key[offset..offset + length)}: the same as that of those bytes alone. */
  static long of(byte[] key, int offset, int length) {
    long h = length * C2;
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      h = Long.rotateLeft(h ^ mixWord((long) LONGS.get(key, offset + i)), 27) * 5 + 0x52dce729;
    }
    long tail = 0;
    for (int shift = 0; i < length; i++, shift += 8) {
      tail |= (key[offset + i] & 0xFFL) << shift;
    }
    return finish(h ^ mixWord(tail));
  }

  private static long mixWord(long word) {
    return Long.rotateLeft(word * C1, 31) * C2;
  }

  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
