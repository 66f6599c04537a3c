package dev.larder.client.routing;

/**
 * One server as routing sees it.
 *
 * @param host the host name or address exactly as configured (it is hashed as written)
 * @param port the TCP port
 * @param weight relative share of keys for weighted ketama; 1 elsewhere
 */
public record Node(String host, int port, int weight) {
  /** memcached's port, the one assumed when a server is given without one. */
  public static final int DEFAULT_PORT = 11211;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the host is empty, the port outside 1..65535 or the
   *     weight below 1
   */
  public Node {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("host: '" + host + "' (expected: a host name or address)");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
    }
    if (weight < 1) {
      throw new IllegalArgumentException("weight: " + weight + " (expected: >= 1)");
    }
  }

  /** A server of weight 1. */
  public static Node of(String host, int port) {
    return new Node(host, port, 1);
  }

  /** {@code host:port}, the form the CLI prints and pymemcache hashes. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
