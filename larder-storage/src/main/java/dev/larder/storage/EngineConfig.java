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
}
