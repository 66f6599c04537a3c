package dev.larder.bench.clients;

import dev.larder.bench.DurationText;
import dev.larder.bench.Ratio;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.Nodes;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line of {@link ClientBenchmark}.
 *
 * @param server the memcached server every client talks to
 * @param clients the clients to run, in order
 * @param threads the caller-thread counts to run each client at, in order
 * @param duration how long each measured run lasts, when {@code requests} is 0
 * @param warmup how long each client runs unmeasured before its measured run; may be zero
 * @param requests calls per measured run over all callers, or 0 to run for {@code duration}
 * @param keys the key space, {@code key:0 .. key:N-1}, all set before each run
 * @param valueSize bytes of every value
 * @param ratio the get:set mix of each caller
 * @param connections connections per client, where the client lets it be chosen
 * @param larderIoThreads the Larder client's event-loop threads, or 0 for its default
 * @param timeout the longest a call waits
 * @param seed the seed of the callers' key draws
 * @param json where to append one JSON line per run, or null
 */
public record ClientBenchOptions(
    InetSocketAddress server,
    List<ClientKind> clients,
    List<Integer> threads,
    Duration duration,
    Duration warmup,
    long requests,
    int keys,
    int valueSize,
    Ratio ratio,
    int connections,
    int larderIoThreads,
    Duration timeout,
    long seed,
    Path json) {

  /** What {@code --help} prints. */
  public static final String USAGE = String.join("\n",
      "usage: ClientBenchmark --server HOST:PORT [options]",
      "  --clients LIST      larder,spymemcached,xmemcached,folsom (default: all, in that order)",
      "  --threads LIST      caller threads, e.g. 1,16,128 (default: 1,16,128)",
      "  --duration TIME     measured time per run: 500ms, 5s, 1m (default: 10s)",
      "  --warmup TIME       unmeasured time before each run, 0 for none (default: 2s)",
      "  --requests N        measure N calls per run instead of a duration",
      "  --keys N            key space key:0..key:N-1, set before each run (default: 100000)",
      "  --value-size N      bytes per value (default: 100)",
      "  --ratio GETS:SETS   the get:set mix of each caller (default: 9:1)",
      "  --connections N     connections per client where it can be chosen; spymemcached has 1 (default: 2)",
      "  --larder-io-threads N  the Larder client's event-loop threads, 0 for its default (default: 0)",
      "  --timeout TIME      the longest a call waits (default: 1s)",
      "  --seed N            seed of the key draws (default: 1)",
      "  --json FILE         also append one JSON line per run to FILE");

  private static final List<String> FLAGS = List.of("--server", "--clients", "--threads", "--duration",
      "--warmup", "--requests", "--keys", "--value-size", "--ratio", "--connections", "--larder-io-threads",
      "--timeout", "--seed", "--json");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException naming the first bad part
   */
  public ClientBenchOptions {
    clients = List.copyOf(clients);
    threads = List.copyOf(threads);
    require(!clients.isEmpty(), "clients", clients, "at least one");
    require(!threads.isEmpty() && threads.stream().allMatch(n -> n >= 1), "threads", threads, "counts >= 1");
    require(!duration.isNegative() && !duration.isZero(), "duration", duration, "> 0");
    require(!warmup.isNegative(), "warmup", warmup, ">= 0");
    require(requests >= 0, "requests", requests, ">= 0");
    require(keys >= 1, "keys", keys, ">= 1");
    require(valueSize >= 0, "value-size", valueSize, ">= 0");
    require(connections >= 1, "connections", connections, ">= 1");
    require(larderIoThreads >= 0, "larder-io-threads", larderIoThreads, ">= 0");
    require(!timeout.isNegative() && !timeout.isZero(), "timeout", timeout, "> 0");
  }

  /**
   * Reads {@code --flag value} and {@code --flag=value} pairs; every flag but {@code --server} has a
   * default.
   *
   * @throws IllegalArgumentException naming the first unknown flag, missing value or bad value
   */
  public static ClientBenchOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String value;
      int equals = flag.indexOf('=');
      if (equals > 0) {
        value = flag.substring(equals + 1);
        flag = flag.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(flag + ": no value (expected: " + flag + " VALUE)");
      }
      require(FLAGS.contains(flag), "flag", flag, "one of " + FLAGS);
      require(given.put(flag, value) == null, flag, value, "the flag once");
    }
    require(given.containsKey("--server"), "--server", "missing", "HOST:PORT");
    return new ClientBenchOptions(
        server(given.get("--server")),
        list(given.getOrDefault("--clients", "larder,spymemcached,xmemcached,folsom"), ClientKind::parse),
        list(given.getOrDefault("--threads", "1,16,128"), text -> integer("threads", text)),
        DurationText.parse(given.getOrDefault("--duration", "10s")),
        warmup(given.getOrDefault("--warmup", "2s")),
        Long.parseLong(number("requests", given.getOrDefault("--requests", "0"))),
        integer("keys", given.getOrDefault("--keys", "100000")),
        integer("value-size", given.getOrDefault("--value-size", "100")),
        Ratio.parse(given.getOrDefault("--ratio", "9:1")),
        integer("connections", given.getOrDefault("--connections", "2")),
        integer("larder-io-threads", given.getOrDefault("--larder-io-threads", "0")),
        DurationText.parse(given.getOrDefault("--timeout", "1s")),
        Long.parseLong(number("seed", given.getOrDefault("--seed", "1"))),
        given.containsKey("--json") ? Path.of(given.get("--json")) : null);
  }

  /** What every client is given alike. */
  public ClientSettings settings() {
    return new ClientSettings(server, connections, larderIoThreads, timeout);
  }

  private static InetSocketAddress server(String text) {
    List<Node> nodes = Nodes.parse(text);
    require(nodes.size() == 1, "server", text, "one HOST:PORT");
    return new InetSocketAddress(nodes.get(0).host(), nodes.get(0).port());
  }

  /** A duration, or {@code 0} for none. */
  private static Duration warmup(String text) {
    return text.strip().equals("0") ? Duration.ZERO : DurationText.parse(text);
  }

  private static <T> List<T> list(String text, Function<String, T> item) {
    return Arrays.stream(text.split(",", -1)).map(String::strip).map(item).toList();
  }

  private static int integer(String name, String text) {
    return Integer.parseInt(number(name, text));
  }

  /** {@code text} if it is a plain decimal number that fits an int or a long as needed. */
  private static String number(String name, String text) {
    String digits = text.strip();
    require(digits.matches("-?[0-9]{1,18}"), name, "'" + text + "'", "a number");
    return digits;
  }

  private static void require(boolean valid, String name, Object value, String expected) {
    if (!valid) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + expected + ")");
    }
  }
}
