package dev.larder.client;

import dev.larder.client.routing.Node;

/**
 * The connection closed while the operation was queued or awaiting its reply. The command may or may
 * not have taken effect. The client reconnects in the background.
 */
public final class ConnectionLostException extends CacheException {
  private static final long serialVersionUID = 1L;

  /**
   * @param node the server whose connection closed
   * @param message what happened
   * @param cause why the connection closed, or null when the server closed it
   */
  public ConnectionLostException(Node node, String message, Throwable cause) {
    super(message, node, cause);
  }
}
