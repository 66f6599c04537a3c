package dev.larder.client.routing;

/**
 * Maps a key to the server that owns it. Implementations are immutable and built over the servers
 * that are alive; when that set changes the client builds a new locator.
 */
public interface NodeLocator {
  /** The owner of {@code key} (the key's bytes as sent on the wire, prefix included). */
  Node locate(byte[] key);
}
