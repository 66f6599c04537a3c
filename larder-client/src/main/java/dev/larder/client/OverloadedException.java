package dev.larder.client;

import dev.larder.client.routing.Node;

/**
 * Too many operations are already awaiting replies from the server, so the command was not sent: the
 * caller produces work faster than the server answers. Slow down, or raise {@link
 * LarderClientBuilder#maxOutstandingPerServer}.
 */
public final class OverloadedException extends CacheException {
  private static final long serialVersionUID = 1L;

  /**
   * @param node the overloaded server
   * @param limit the configured bound on outstanding operations
   */
  public OverloadedException(Node node, int limit) {
    super(node + ": outstanding operations: " + limit + " (expected: < maxOutstandingPerServer " + limit + ")",
        node, null);
  }
}
