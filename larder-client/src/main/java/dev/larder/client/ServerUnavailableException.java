package dev.larder.client;

import dev.larder.client.routing.Node;

/**
 * The server that owns the key cannot take the command, so it was not sent: it has no open connection
 * (it is down, or the client is reconnecting), or the client has marked it dead and is configured with
 * {@link FailureMode#FAIL}. It fails at once rather than waiting for the server to come back.
 */
public final class ServerUnavailableException extends CacheException {
  private static final long serialVersionUID = 1L;

  /** @param node the server with no open connection */
  public ServerUnavailableException(Node node) {
    this(node, node + " is not connected (reconnecting in the background)");
  }

  /**
   * @param node the server that cannot take the command
   * @param message why
   */
  public ServerUnavailableException(Node node, String message) {
    super(message, node, null);
  }
}
