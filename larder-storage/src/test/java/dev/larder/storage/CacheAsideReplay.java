package dev.larder.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Replays a sequence of key numbers against an engine as a cache-aside client would: get, and on a
 * miss set the value. Keys are 12 bytes, a fresh array each (engines may keep it); a key's value length is fixed by its number, within
 * {@code [minValue, maxValue]}. Counts misses after a warm-up share of the requests.
 */
final class CacheAsideReplay {
  private final int minValue;
  private final int maxValue;
  private final byte[] value;
  private final boolean[] hit = new boolean[1];
  private final ItemVisitor onHit = item -> hit[0] = true;

  CacheAsideReplay(int minValue, int maxValue) {
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.value = new byte[maxValue];
  }

  /** The miss ratio over the requests after the first {@code warmUp} share of {@code keys}. */
  double missRatio(CacheEngine engine, int[] keys, double warmUp) {
    int counted = (int) (keys.length * warmUp);
    long misses = 0;
    for (int i = 0; i < keys.length; i++) {
      boolean missed = !request(engine, keys[i]);
      if (missed && i >= counted) {
        misses++;
      }
    }
    return (double) misses / (keys.length - counted);
  }

  /** One get, and a set when it misses; true on a hit. */
  private boolean request(CacheEngine engine, int number) {
    byte[] key = ByteBuffer.allocate(12).putInt(0x6b65793a).putLong(number).array(); // "key:" and 8 bytes
    hit[0] = false;
    engine.get(key, onHit);
    if (!hit[0]) {
      engine.store(StoreMode.SET, key, 0, 0, Arrays.copyOf(value, valueLength(number)), 0);
    }
    return hit[0];
  }

  private int valueLength(int number) {
    long mixed = (number + 1) * 0x9E3779B97F4A7C15L;
    return minValue + (int) Long.remainderUnsigned(mixed ^ mixed >>> 29, maxValue - minValue + 1);
  }
}
