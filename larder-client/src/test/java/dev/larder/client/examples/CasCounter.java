package dev.larder.client.examples;

import dev.larder.client.LarderClient;
import dev.larder.client.helpers.CasUpdater;
import dev.larder.client.transcoder.StringTranscoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Check-and-set for concurrent updates: four threads append to one comma-separated list with {@link
 * CasUpdater#update}, and no entry is lost. Args: {@code host:port}.
 */
public final class CasCounter {
  private CasCounter() {}

  /** Runs the example against the server in {@code args[0]} (default {@code 127.0.0.1:11211}). */
  public static void main(String[] args) {
    try (LarderClient<String> client = LarderClient.builder()
        .servers(args.length > 0 ? args[0] : "127.0.0.1:11211")
        .build(StringTranscoder.INSTANCE)) {
      client.sync().delete("visitors");
      CasUpdater<String> updater = new CasUpdater<>(client);

      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (int writer = 0; writer < 4; writer++) {
        String name = "writer" + writer;
        writers.add(CompletableFuture.runAsync(() -> {
          for (int visit = 0; visit < 25; visit++) {
            updater.update("visitors", 0, list -> list == null ? name : list + "," + name).join();
          }
        }));
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture<?>[]::new)).join();

      String visitors = client.sync().get("visitors");
      System.out.println("entries: " + visitors.split(",").length);
    }
  }
}
