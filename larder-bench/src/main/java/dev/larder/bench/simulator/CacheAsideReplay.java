package dev.larder.bench.simulator;

import dev.larder.storage.CacheEngine;
import dev.larder.storage.ItemVisitor;
import dev.larder.storage.StoreMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Replays a {@link RequestStream} against an engine as a cache-aside client does: get the key, and on
 * a miss set it. Key number {@code n} is the 12 ASCII bytes {@code key:%08x} of its 32 bits, as
 * {@code bench/cache-aside-replay.py} sends them to a server; its value has {@link
 * RequestStream#valueSizes()}'s size for {@code n}. Not thread-safe: one replay at a time.
 */
public final class CacheAsideReplay {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREFIX = {'k', 'e', 'y', ':'};

  private boolean hit;
  private final ItemVisitor onHit = item -> hit = true;

  /** Replays {@code stream} against {@code engine}; returns the miss ratio after the warm-up. */
  public double missRatio(CacheEngine engine, RequestStream stream) {
    int[] keys = stream.keys();
    byte[] zeros = new byte[stream.valueSizes().max()];
    int counted = stream.countedFrom();
    long misses = 0;
    for (int i = 0; i < keys.length; i++) {
      byte[] key = key(keys[i]); // a fresh array each time: engines may keep it
      hit = false;
      engine.get(key, onHit);
      if (!hit) {
        engine.store(StoreMode.SET, key, 0, 0, Arrays.copyOf(zeros, stream.valueSizes().sizeOf(keys[i])), 0);
        misses += i >= counted ? 1 : 0;
      }
    }
    return (double) misses / (keys.length - counted);
  }

  /** The key of key number {@code number}: {@code key:} and its 32 bits in 8 lower-case hex digits. */
  static byte[] key(int number) {
    byte[] key = Arrays.copyOf(PREFIX, PREFIX.length + 8);
    for (int i = 0; i < 8; i++) {
      key[PREFIX.length + i] = HEX[number >>> (28 - 4 * i) & 0xF];
    }
    return key;
  }
}
