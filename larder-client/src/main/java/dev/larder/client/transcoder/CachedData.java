package dev.larder.client.transcoder;

/**
 * A value as memcached stores it: bytes and the 32-bit flags that say how to read them.
 *
 * @param flags the item's flags (32 bits, unsigned on the wire)
 * @param bytes the stored bytes
 */
public record CachedData(int flags, byte[] bytes) {
  /** Checks that there are bytes; the array is kept, not copied. */
  public CachedData {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes: null");
    }
  }
}
