package dev.larder.client.examples;

import dev.larder.client.LarderClient;
import dev.larder.client.helpers.CacheAside;
import dev.larder.client.transcoder.StringTranscoder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cache-aside with {@link CacheAside#getOrLoad}: ten concurrent requests for a cold key cost the
 * "database" one query; later requests hit the cache. Args: {@code host:port}.
 */
public final class CacheAsideExample {
  private CacheAsideExample() {}

  /** Runs the example against the server in {@code args[0]} (default {@code 127.0.0.1:11211}). */
  public static void main(String[] args) {
    try (LarderClient<String> client = LarderClient.builder()
        .servers(args.length > 0 ? args[0] : "127.0.0.1:11211")
        .build(StringTranscoder.INSTANCE)) {
      client.sync().delete("user:42");
      CacheAside<String> users = new CacheAside<>(client);
      AtomicInteger queries = new AtomicInteger();

      CompletableFuture<?>[] requests = new CompletableFuture<?>[10];
      for (int i = 0; i < requests.length; i++) {
        requests[i] = users.getOrLoad("user:42", 300, () -> loadUserFromDatabase(42, queries));
      }
      CompletableFuture.allOf(requests).join();
      String user = users.getOrLoad("user:42", 300, () -> loadUserFromDatabase(42, queries)).join();
      System.out.println("user:42 = " + user);
      System.out.println("database queries: " + queries.get());
    }
  }

  /** Stands in for a slow database query. */
  private static String loadUserFromDatabase(int id, AtomicInteger queries) throws InterruptedException {
    queries.incrementAndGet();
    Thread.sleep(100);
    return "{\"id\":" + id + ",\"name\":\"Ada\"}";
  }
}
