package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import java.util.Arrays;
import java.util.List;

/**
 * The key's hash modulo the number of servers: a stand-in default until the routing package's
 * distributions (ketama, rendezvous, modula) are the default. Not compatible with any other client.
 */
final class PlaceholderLocator implements NodeLocator {
  private final List<Node> nodes;

  PlaceholderLocator(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  @Override
  public Node locate(byte[] key) {
    return nodes.get(Math.floorMod(Arrays.hashCode(key), nodes.size()));
  }
}
