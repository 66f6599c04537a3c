package dev.larder.client.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Many distinct keys and where a locator puts them, for tests about shares and movement. */
final class SampleKeys {
  static final int COUNT = 20_000;

  private SampleKeys() {}

  /** The owner of each of {@link #COUNT} keys, in key order. */
  static List<Node> owners(NodeLocator locator) {
    return IntStream.range(0, COUNT)
        .mapToObj(i -> locator.locate(("sample:" + i).getBytes(StandardCharsets.US_ASCII)))
        .toList();
  }

  /** The fraction of keys {@code node} owns. */
  static double share(List<Node> owners, Node node) {
    return owners.stream().filter(node::equals).count() / (double) owners.size();
  }

  /** Indexes of the keys whose owner differs between two placements. */
  static List<Integer> moved(List<Node> before, List<Node> after) {
    List<Integer> moved = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        moved.add(i);
      }
    }
    return moved;
  }

  /** {@code count} servers of weight 1 on 10.0.0.1, 10.0.0.2, ... at the default port. */
  static List<Node> servers(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> Node.of("10.0.0." + i, Node.DEFAULT_PORT))
        .toList();
  }
}
