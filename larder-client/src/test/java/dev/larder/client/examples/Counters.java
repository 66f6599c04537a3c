package dev.larder.client.examples;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.transcoder.DecimalTranscoder;

/**
 * Counters kept by the server with {@code incr} and {@code decr}: atomic, one round trip, no
 * read-modify-write. Args: {@code host:port}.
 */
public final class Counters {
  private Counters() {}

  /** Runs the example against the server in {@code args[0]} (default {@code 127.0.0.1:11211}). */
  public static void main(String[] args) {
    try (LarderClient<Long> client = LarderClient.builder()
        .servers(args.length > 0 ? args[0] : "127.0.0.1:11211")
        .build(DecimalTranscoder.LONG)) {
      BlockingLarderClient<Long> cache = client.sync();
      cache.set("page-views", 0L, 0);   // incr needs a decimal number to start from
      cache.incr("page-views", 1);
      cache.incr("page-views", 10);
      System.out.println("after incr: " + cache.get("page-views"));
      System.out.println("decr by 100 stops at: " + cache.decr("page-views", 100));
      System.out.println("incr of a missing key: " + cache.incr("no-such-counter", 1));
    }
  }
}
