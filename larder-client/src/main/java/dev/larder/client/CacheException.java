package dev.larder.client;

import dev.larder.client.routing.Node;

/**
 * Why a cache operation failed: the root of the client's exceptions. Subclasses say what went wrong
 * ({@link CacheTimeoutException}, {@link ConnectionLostException}, {@link ServerUnavailableException},
 * {@link OverloadedException}, {@link ServerErrorException}); {@link #node()} says where.
 */
public class CacheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Node node;

  /**
   * @param message what went wrong
   * @param node the server involved, or null when none is
   * @param cause the underlying failure, or null
   */
  public CacheException(String message, Node node, Throwable cause) {
    super(message, cause);
    this.node = node;
  }

  /** The server the operation went to, or null when the failure concerns no single server. */
  public Node node() {
    return node;
  }
}
