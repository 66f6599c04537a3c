package dev.larder.client.examples;

import dev.larder.client.LarderClient;
import dev.larder.client.helpers.FallbackClient;
import dev.larder.client.helpers.IgnoreReadErrorsClient;
import dev.larder.client.transcoder.StringTranscoder;
import java.util.List;
import java.util.TreeMap;

/**
 * Moving to a new cache without a cold start: a {@link FallbackClient} writes to the new cache,
 * reads through to the old one, and copies what it finds there into the new one. Args: {@code
 * new-host:port old-host:port}.
 */
public final class FallbackMigration {
  private FallbackMigration() {}

  /** Runs the example with the new cache in {@code args[0]} and the old one in {@code args[1]}. */
  public static void main(String[] args) {
    LarderClient<String> newCache = LarderClient.builder()
        .servers(args.length > 1 ? args[0] : "127.0.0.1:11212")
        .build(StringTranscoder.INSTANCE);
    LarderClient<String> oldCache = LarderClient.builder()
        .servers(args.length > 1 ? args[1] : "127.0.0.1:11211")
        .build(StringTranscoder.INSTANCE);
    oldCache.sync().set("page:/home", "<h1>Home</h1>", 0);  // what the old cache already holds

    // Errors of the old cache count as misses, so it can be shut down before the switch is over.
    try (LarderClient<String> cache = new FallbackClient<>(List.of(newCache, new IgnoreReadErrorsClient<>(oldCache)))
        .copyHitsToFirst(3600)) {
      System.out.println("read through: " + cache.sync().get("page:/home"));
      cache.sync().set("page:/about", "<h1>About</h1>", 3600);

      List<String> pages = List.of("page:/about", "page:/home");
      System.out.println("new cache now holds: " + new TreeMap<>(newCache.sync().getAll(pages)));
      System.out.println("old cache holds: " + new TreeMap<>(oldCache.sync().getAll(pages)));
    }
  }
}
