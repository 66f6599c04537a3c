package dev.larder.client.examples;

import dev.larder.client.LarderClient;
import dev.larder.client.routing.Distribution;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import dev.larder.client.routing.Nodes;
import dev.larder.client.transcoder.StringTranscoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Keys spread over several servers by ketama consistent hashing, the client's default (as
 * libmemcached places them). Args: {@code host:port host:port ...}, or one comma-separated list.
 */
public final class ManyServers {
  private ManyServers() {}

  /** Runs the example against the servers in {@code args} (default three on ports 11211..11213). */
  public static void main(String[] args) {
    String servers = args.length > 0 ? String.join(",", args) : "127.0.0.1:11211,127.0.0.1:11212,127.0.0.1:11213";
    try (LarderClient<String> client = LarderClient.builder()
        .servers(servers)
        .locator(Distribution.KETAMA::locator)
        .build(StringTranscoder.INSTANCE)) {
      List<String> keys = IntStream.range(0, 30).mapToObj(i -> "item:" + i).toList();
      keys.forEach(key -> client.sync().set(key, "value of " + key, 0));
      System.out.println("read back: " + client.sync().getAll(keys).size() + " of " + keys.size());

      NodeLocator ketama = Distribution.KETAMA.locator(Nodes.parse(servers));
      Map<Node, Integer> keysPerServer = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
      keys.forEach(key -> keysPerServer.merge(ketama.locate(key.getBytes(StandardCharsets.UTF_8)), 1, Integer::sum));
      System.out.println("keys per server: " + keysPerServer);
    }
  }
}
