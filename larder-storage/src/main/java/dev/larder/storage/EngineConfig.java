package dev.larder.storage;

/**
 * What an engine is built with.
 *
 * @param memoryLimit bytes all items may use together (memcached {@code -m})
 * @param maxItemSize the largest item, key and value and overhead together (memcached {@code -I})
 * @param evictions whether a full cache evicts (true) or refuses stores (memcached {@code -M})
 * @param clock the wall clock used for expiry
 */
public record EngineConfig(long memoryLimit, int maxItemSize, boolean evictions, CacheClock clock) {
  /** memcached's item header with CAS, plus the key's NUL and the value's CRLF, for {@code -I}. */
  static final int MEMCACHED_ITEM_HEADER = 48 + 8 + 1 + 2;

  public EngineConfig {
    if (memoryLimit <= 0) {
      throw new IllegalArgumentException("memoryLimit: " + memoryLimit + " (expected: > 0)");
    }
    if (maxItemSize <= 0) {
      throw new IllegalArgumentException("maxItemSize: " + maxItemSize + " (expected: > 0)");
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock: null");
    }
  }

  /**
   * Whether an item with these sizes passes memcached's {@code -I} check, which counts memcached's
   * own item header whatever an engine really spends, so every engine refuses the same items.
   */
  public boolean fitsItemSize(int keyLength, int valueLength) {
    return (long) MEMCACHED_ITEM_HEADER + keyLength + valueLength <= maxItemSize;
  }
}
