package dev.larder.client.examples;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.transcoder.StringTranscoder;

/** Stores a string and reads it back, blocking and asynchronously. Args: {@code host:port}. */
public final class BasicSetGet {
  private BasicSetGet() {}

  /** Runs the example against the server in {@code args[0]} (default {@code 127.0.0.1:11211}). */
  public static void main(String[] args) {
    try (LarderClient<String> client = LarderClient.builder()
        .servers(args.length > 0 ? args[0] : "127.0.0.1:11211")
        .build(StringTranscoder.INSTANCE)) {
      BlockingLarderClient<String> cache = client.sync();
      cache.set("greeting", "hello, world", 0);
      System.out.println("sync get: " + cache.get("greeting"));

      client.get("greeting")
          .thenAccept(value -> System.out.println("async get: " + value))
          .join();
      System.out.println("missing key: " + cache.get("no-such-key"));
    }
  }
}
