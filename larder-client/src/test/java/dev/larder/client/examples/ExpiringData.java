package dev.larder.client.examples;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.transcoder.StringTranscoder;

/**
 * Items that expire: one after a second, one that {@code touch} keeps alive, one that never expires.
 * Args: {@code host:port}.
 */
public final class ExpiringData {
  private ExpiringData() {}

  /** Runs the example against the server in {@code args[0]} (default {@code 127.0.0.1:11211}). */
  public static void main(String[] args) throws InterruptedException {
    try (LarderClient<String> client = LarderClient.builder()
        .servers(args.length > 0 ? args[0] : "127.0.0.1:11211")
        .build(StringTranscoder.INSTANCE)) {
      BlockingLarderClient<String> cache = client.sync();
      cache.set("session", "user 42", 1);   // expires after 1 second
      cache.set("token", "abc", 1);
      cache.touch("token", 60);              // now expires after 60 seconds
      cache.set("config", "v1", 0);          // never expires (until evicted)
      System.out.println("now:   session=" + cache.get("session") + " token=" + cache.get("token"));

      Thread.sleep(2_500);  // memcached counts whole seconds: wait past the next tick
      System.out.println("later: session=" + cache.get("session") + " token=" + cache.get("token")
          + " config=" + cache.get("config"));
    }
  }
}
