package dev.larder.client.routing;

/**
 * Maps a key to the server that owns it. Implementations are immutable and built over the servers
 * that are alive; when that set changes the client builds a new locator.
 */
public interface NodeLocator {
  /**
   * The owner of {@code key}: the key's UTF-8 bytes WITHOUT the client's key prefix, since
   * libmemcached (by default) and pymemcache both hash the key before the prefix is added.
   */
  Node locate(byte[] key);
}
