package dev.larder.cli;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.transcoder.CachedData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The everyday subcommands on items: get, set, delete, stats, flush. Each connects to the cluster
 * given by {@code --servers}, routes keys as the client library does, and exits with 0 on success,
 * {@value #MISS} when a key was missing or a store refused, and 1 (picocli's software error) with a
 * one-line message when a server fails.
 */
final class ItemCommands {
  /** Exit status when the cache answered but not as hoped: a miss, a refused store. */
  static final int MISS = 3;

  private ItemCommands() {}

  /** Runs {@code action} with a blocking client; closes it afterwards. */
  private static int withClient(ClientOptions options, ClientAction action) throws IOException {
    try (LarderClient<CachedData> client = options.connect()) {
      return action.run(client.sync());
    }
  }

  @FunctionalInterface
  private interface ClientAction {
    int run(BlockingLarderClient<CachedData> client) throws IOException;
  }

  @Command(name = "get", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Prints each key's value as stored, followed by a newline; misses go to stderr.")
  static final class Get implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Option(names = "--flags", description = "Print the item's flags before its value: 'FLAGS VALUE'.")
    boolean showFlags;

    @Parameters(paramLabel = "KEY", arity = "1..*") List<String> keys;

    @Override
    public Integer call() throws IOException {
      return withClient(client, cache -> {
        Map<String, CachedData> hits = cache.getAll(keys);
        PrintStream out = System.out;
        int status = 0;
        for (String key : keys) {
          CachedData hit = hits.get(key);
          if (hit == null) {
            System.err.println(key + ": not found");
            status = MISS;
            continue;
          }
          if (showFlags) {
            out.print(Integer.toUnsignedString(hit.flags()) + " ");
          }
          out.write(hit.bytes());
          out.println();
        }
        out.flush();
        return status;
      });
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Stores VALUE (or standard input when VALUE is absent) under KEY.")
  static final class Set implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "0",
        description = "Expiry as memcached reads it: 0 never, up to 30 days relative, else a Unix time.")
    int ttl;

    @Option(names = "--flags", paramLabel = "N", defaultValue = "0",
        description = "The item's 32-bit flags (default: 0, raw bytes).")
    long flags;

    @Parameters(index = "0", paramLabel = "KEY") String key;

    @Parameters(index = "1", paramLabel = "VALUE", arity = "0..1") String value;

    @Override
    public Integer call() throws IOException {
      byte[] bytes = value != null ? value.getBytes(StandardCharsets.UTF_8) : System.in.readAllBytes();
      return withClient(client, cache -> {
        boolean stored = cache.set(key, new CachedData((int) flags, bytes), ttl);
        System.out.println(stored ? "STORED" : "NOT_STORED");
        return stored ? 0 : MISS;
      });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Deletes each key; prints 'KEY deleted' or 'KEY not found'.")
  static final class Delete implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Parameters(paramLabel = "KEY", arity = "1..*") List<String> keys;

    @Override
    public Integer call() throws IOException {
      return withClient(client, cache -> {
        int status = 0;
        for (String key : keys) {
          boolean deleted = cache.delete(key);
          System.out.println(key + (deleted ? " deleted" : " not found"));
          status = deleted ? status : MISS;
        }
        return status;
      });
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Prints every server's stats as 'HOST:PORT NAME VALUE' lines.")
  static final class Stats implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Parameters(paramLabel = "GROUP", arity = "0..1", defaultValue = "",
        description = "A stats group: settings, items, slabs, conns... (default: general stats).")
    String group;

    @Override
    public Integer call() throws IOException {
      return withClient(client, cache -> {
        cache.stats(group).forEach((node, stats) ->
            stats.forEach((name, value) -> System.out.println(node + " " + name + " " + value)));
        return 0;
      });
    }
  }

  @Command(name = "flush", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Invalidates every item on every server (flush_all).")
  static final class Flush implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "0",
        description = "Flush this many seconds from now instead of at once.")
    int delay;

    @Override
    public Integer call() throws IOException {
      return withClient(client, cache -> {
        cache.flushAll(delay);
        System.out.println("OK");
        return 0;
      });
    }
  }
}
