package dev.larder.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Everything one run of the bench does.
 *
 * <p>Keys are spread over the servers by index modulo the server count ({@link KeyPartition}), and
 * each connection talks to one server: {@code connections} connections per server, spread
 * round-robin over the {@code threads} event loops. A connection draws its keys from its server's
 * partition with {@code keyPattern}, so with Zipf each server sees the same skew.
 *
 * @param servers where to send load, in order; key {@code k} lives on server {@code k % size}
 * @param threads event-loop threads
 * @param connections connections to each server, in total over all threads (not per thread, unlike
 *     memtier_benchmark's {@code -c})
 * @param pipeline most requests in flight on one connection
 * @param ratio the get:set mix
 * @param keys the key space: key indexes {@code 0..keys-1}, named {@code key:<index>}
 * @param keyPattern how keys are drawn
 * @param zipfAlpha the Zipf exponent, used with {@link KeyPattern#ZIPF}
 * @param valueSizes the size of each key's value
 * @param duration how long to measure, when {@code requests} is 0
 * @param unmeasuredStart how long to run the load before measuring; requests intended in that time
 *     are left out of the report (they let the JIT compile the bench), later ones count in full
 * @param requests how many requests to measure in all, or 0 to run for {@code duration}
 * @param rate requests per second over all connections at fixed intended times, or 0 to send as
 *     fast as replies come; at least 1, so that a run with no reply for 10 s can be called stuck
 * @param protocol text, meta or binary
 * @param multiget keys per get
 * @param prefill whether to set every key once before measuring
 * @param seed the seed of every connection's random generator
 */
public record BenchConfig(
    List<InetSocketAddress> servers,
    int threads,
    int connections,
    int pipeline,
    Ratio ratio,
    long keys,
    KeyPattern keyPattern,
    double zipfAlpha,
    ValueSizes valueSizes,
    Duration duration,
    Duration unmeasuredStart,
    long requests,
    double rate,
    Protocol protocol,
    int multiget,
    boolean prefill,
    long seed) {
  /** The most keys one get may ask for. */
  public static final int MAX_MULTIGET = 1000;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException naming the first bad part
   */
  public BenchConfig {
    servers = List.copyOf(servers);
    require(!servers.isEmpty(), "servers", servers, "at least one");
    require(threads >= 1, "threads", threads, ">= 1");
    require(connections >= 1, "connections", connections, ">= 1");
    require(pipeline >= 1, "pipeline", pipeline, ">= 1");
    require(keys >= servers.size(), "keys", keys, ">= the number of servers, " + servers.size());
    require(zipfAlpha > 0 && zipfAlpha < Double.POSITIVE_INFINITY, "zipf-alpha", zipfAlpha, "> 0");
    require(!duration.isNegative() && !duration.isZero(), "duration", duration, "> 0");
    require(!unmeasuredStart.isNegative(), "unmeasured-start", unmeasuredStart, ">= 0");
    require(requests >= 0, "requests", requests, ">= 0");
    require(rate == 0 || (rate >= 1 && rate < Double.POSITIVE_INFINITY), "rate", rate,
        "0 (as fast as replies come) or >= 1");
    require(multiget >= 1 && multiget <= MAX_MULTIGET, "multiget", multiget, "1.." + MAX_MULTIGET);
  }

  /** Connections to all servers together. */
  public int totalConnections() {
    return servers.size() * connections;
  }

  private static void require(boolean valid, String name, Object value, String expected) {
    if (!valid) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + expected + ")");
    }
  }
}
