package dev.larder.client;

import dev.larder.client.routing.Node;
import java.time.Duration;

/**
 * No reply came within the operation timeout. The command may or may not have taken effect; a reply
 * that arrives later is read and dropped.
 */
public final class CacheTimeoutException extends CacheException {
  private static final long serialVersionUID = 1L;

  /**
   * @param node the server that did not answer, or null when the wait spanned several
   * @param timeout how long the client waited
   */
  public CacheTimeoutException(Node node, Duration timeout) {
    super((node == null ? "no reply" : "no reply from " + node) + " within " + timeout.toMillis() + " ms",
        node, null);
  }
}
