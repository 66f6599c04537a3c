package dev.larder.client.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Server lists: parsing the {@code --servers} form and checking lists given to locators. */
public final class Nodes {
  private Nodes() {}

  /**
   * Parses {@code host[:port[:weight]]} entries separated by commas, e.g. {@code
   * "cache1,cache2:11212,10.0.0.3:11211:2,[::1]:11213"}. The port defaults to {@value
   * Node#DEFAULT_PORT} and the weight to 1; IPv6 addresses go in brackets. Spaces around entries
   * are ignored.
   *
   * @return the servers in the order given (routing depends on it)
   * @throws IllegalArgumentException naming the bad entry if an entry is empty or malformed, a
   *     port or weight is out of range, or a server is listed twice
   */
  public static List<Node> parse(String servers) {
    List<Node> nodes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String entry : servers.split(",", -1)) {
      Node node = parseEntry(entry.strip());
      if (!seen.add(node.toString())) {
        throw bad(entry.strip(), "each server once, " + node + " is listed twice");
      }
      nodes.add(node);
    }
    return List.copyOf(nodes);
  }

  /** {@code nodes} as given, after checking there is at least one. */
  static List<Node> requireSome(List<Node> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("nodes: [] (expected: at least one server)");
    }
    return nodes;
  }

  private static Node parseEntry(String entry) {
    String host;
    String afterHost;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw bad(entry, "a ']' closing the IPv6 address");
      }
      host = entry.substring(1, close);
      afterHost = entry.substring(close + 1);
    } else {
      int colon = entry.indexOf(':');
      host = colon < 0 ? entry : entry.substring(0, colon);
      afterHost = colon < 0 ? "" : entry.substring(colon);
    }
    String[] numbers = afterHost.isEmpty() ? new String[0] : afterHost.substring(1).split(":", -1);
    if (host.isEmpty() || !afterHost.isEmpty() && !afterHost.startsWith(":")
        || numbers.length > 2) {
      throw bad(entry, "host[:port[:weight]], an IPv6 address in brackets: [::1]:11211");
    }
    int port = numbers.length > 0 ? inRange(numbers[0], 65535) : Node.DEFAULT_PORT;
    if (port < 0) {
      throw bad(entry, "port in 1..65535, not '" + numbers[0] + "'");
    }
    int weight = numbers.length > 1 ? inRange(numbers[1], Integer.MAX_VALUE) : 1;
    if (weight < 0) {
      throw bad(entry, "weight >= 1, not '" + numbers[1] + "'");
    }
    return new Node(host, port, weight);
  }

  /** {@code text} as a number in 1..max, or -1 if it is not one. */
  private static int inRange(String text, int max) {
    try {
      int value = Integer.parseInt(text);
      return value >= 1 && value <= max ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static IllegalArgumentException bad(String entry, String expected) {
    return new IllegalArgumentException("server: '" + entry + "' (expected: " + expected + ")");
  }
}
