package dev.larder.server;

import java.time.Duration;

/**
 * Everything {@code larder serve} is started with; the names and defaults are memcached's.
 *
 * @param port TCP port ({@code -p}); 0 picks a free one
 * @param listen address to bind ({@code -l})
 * @param memoryLimitBytes memory for items ({@code -m}, given in megabytes)
 * @param connectionLimit simultaneous connections ({@code -c})
 * @param threads event-loop threads ({@code -t})
 * @param maxItemSize largest item in bytes ({@code -I})
 * @param udpPort UDP port ({@code -U}); 0 is off, the only mode supported
 * @param verbosity 0, 1 ({@code -v}) or 2 ({@code -vv})
 * @param enableShutdown whether the {@code shutdown} command is allowed ({@code -A})
 * @param evictions false to refuse stores when full instead of evicting ({@code -M})
 * @param idleTimeout close connections idle this long; zero is never ({@code -o idle_timeout})
 */
public record ServerConfig(
    int port,
    String listen,
    long memoryLimitBytes,
    int connectionLimit,
    int threads,
    int maxItemSize,
    int udpPort,
    int verbosity,
    boolean enableShutdown,
    boolean evictions,
    Duration idleTimeout) {

  public static final int DEFAULT_PORT = 11211;
  public static final long MEGABYTE = 1024 * 1024;
  /** memcached refuses item size limits below 1 KiB and above 1 GiB. */
  public static final int MIN_ITEM_SIZE = 1024;

  public static final int MAX_ITEM_SIZE = 1024 * 1024 * 1024;

  public ServerConfig {
    requireInRange("port", port, 0, 65535);
    requireInRange("udpPort", udpPort, 0, 65535);
    requireInRange("connectionLimit", connectionLimit, 1, Integer.MAX_VALUE);
    requireInRange("threads", threads, 1, 1024);
    requireInRange("maxItemSize", maxItemSize, MIN_ITEM_SIZE, MAX_ITEM_SIZE);
    requireInRange("verbosity", verbosity, 0, 2);
    if (memoryLimitBytes < MEGABYTE) {
      throw new IllegalArgumentException(
          "memoryLimit: " + memoryLimitBytes + " bytes (expected: >= 1 MB)");
    }
    if (maxItemSize > memoryLimitBytes / 2) {
      throw new IllegalArgumentException(
          "maxItemSize: " + maxItemSize + " (expected: <= half the memory limit, " + memoryLimitBytes / 2 + ")");
    }
    if (idleTimeout == null || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout: " + idleTimeout + " (expected: >= 0)");
    }
    if (listen == null || listen.isBlank()) {
      throw new IllegalArgumentException("listen: '" + listen + "' (expected: an address)");
    }
  }

  /** memcached's defaults, except that Larder listens on loopback only unless told otherwise. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_PORT,
        "127.0.0.1",
        64 * MEGABYTE,
        1024,
        Runtime.getRuntime().availableProcessors(),
        1024 * 1024,
        0,
        0,
        false,
        true,
        Duration.ZERO);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(newPort, listen, memoryLimitBytes, connectionLimit, threads, maxItemSize,
        udpPort, verbosity, enableShutdown, evictions, idleTimeout);
  }

  private static void requireInRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: " + min + ".." + max + ")");
    }
  }
}
