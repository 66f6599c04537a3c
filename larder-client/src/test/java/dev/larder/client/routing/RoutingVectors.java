package dev.larder.client.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** The placements {@code routing/make_vectors.py} recorded from pylibmc and pymemcache. */
final class RoutingVectors {
  /** One server list and, per key of {@link #keys()}, the index of its owner in that list. */
  record Case(String servers, String owners) {
    List<Node> nodes() {
      return Nodes.parse(servers);
    }

    Node owner(int keyIndex) {
      return nodes().get(owners.charAt(keyIndex) - '0');
    }
  }

  private RoutingVectors() {}

  /** The keys, as the bytes every client sent. */
  static List<byte[]> keys() {
    HexFormat hex = HexFormat.of();
    return lines("keys.txt").stream().map(hex::parseHex).toList();
  }

  /** The cases of {@code ketama.txt}, {@code modula.txt} or {@code rendezvous.txt}. */
  static List<Case> cases(Distribution distribution) {
    return lines(distribution.word() + ".txt").stream()
        .map(line -> line.split(" ", 2))
        .map(fields -> new Case(fields[0], fields[1]))
        .toList();
  }

  private static List<String> lines(String name) {
    String resource = "/routing/" + name;
    try (var in = Objects.requireNonNull(RoutingVectors.class.getResourceAsStream(resource));
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
