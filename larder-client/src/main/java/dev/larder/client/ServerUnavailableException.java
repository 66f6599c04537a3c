package dev.larder.client;

import dev.larder.client.routing.Node;

/**
 * The server that owns the key has no open connection (it is down, or the client is reconnecting), so
 * the command was not sent. It fails at once rather than waiting for a reconnection.
 */
public final class ServerUnavailableException extends CacheException {
  private static final long serialVersionUID = 1L;

  /** @param node the server with no open connection */
  public ServerUnavailableException(Node node) {
    super(node + " is not connected (reconnecting in the background)", node, null);
  }
}
