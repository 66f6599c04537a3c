package dev.larder.client.routing;

import java.util.List;

/**
 * libmemcached's default distribution ({@code MEMCACHED_DISTRIBUTION_MODULA} with the default
 * one-at-a-time hash; pylibmc {@code Client(servers)}): {@code hash(key) % serverCount}. Cheap,
 * but changing the server count moves almost every key; prefer {@link KetamaLocator}.
 */
public final class ModulaLocator implements NodeLocator {
  private final Node[] nodes;

  /**
   * Spreads keys over {@code nodes}, in the order libmemcached was given them; weights are ignored.
   *
   * @throws IllegalArgumentException if {@code nodes} is empty
   */
  public ModulaLocator(List<Node> nodes) {
    this.nodes = Nodes.requireSome(nodes).toArray(Node[]::new);
  }

  @Override
  public Node locate(byte[] key) {
    return nodes[Integer.remainderUnsigned(oneAtATime(key), nodes.length)];
  }

  /**
   * Bob Jenkins' one-at-a-time hash as libhashkit computes it on x86, where {@code char} is
   * signed: bytes from 0x80 up are added sign-extended, exactly what Java's {@code byte} does.
   */
  static int oneAtATime(byte[] key) {
    int hash = 0;
    for (byte b : key) {
      hash += b;
      hash += hash << 10;
      hash ^= hash >>> 6;
    }
    hash += hash << 3;
    hash ^= hash >>> 11;
    hash += hash << 15;
    return hash;
  }
}
