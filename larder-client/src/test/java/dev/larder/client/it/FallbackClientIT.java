package dev.larder.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.CacheException;
import dev.larder.client.CasResult;
import dev.larder.client.CasValue;
import dev.larder.client.LarderClient;
import dev.larder.client.helpers.CasUpdater;
import dev.larder.client.helpers.FallbackClient;
import dev.larder.client.helpers.IgnoreReadErrorsClient;
import dev.larder.client.it.ServerKind.CacheServer;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A FallbackClient over a new and an old cache, each a server of the kind under test. */
class FallbackClientIT {
  @RegisterExtension
  final TestResources resources = new TestResources();
  private CacheServer oldServer;
  private BlockingLarderClient<String> newCache;
  private BlockingLarderClient<String> oldCache;

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void writesGoToTheFirstCacheOnly(ServerKind kind) throws Exception {
    BlockingLarderClient<String> fallback = fallbackOver(kind).sync();
    oldCache.set("counter", "5", 0);

    assertThat(fallback.set("k", "v", 0)).isTrue();
    assertThat(fallback.incr("counter", 1)).as("incr acts on the first cache's miss").isNull();
    assertThat(fallback.add("counter", "1", 0)).isTrue();

    assertThat(newCache.get("k")).isEqualTo("v");
    assertThat(oldCache.get("k")).isNull();
    assertThat(newCache.get("counter")).isEqualTo("1");
    assertThat(oldCache.get("counter")).isEqualTo("5");
    assertThat(fallback.delete("counter")).isTrue();
    assertThat(oldCache.get("counter")).isEqualTo("5");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void readsFallBackToTheOldCacheWithoutCopying(ServerKind kind) throws Exception {
    BlockingLarderClient<String> fallback = fallbackOver(kind).sync();
    newCache.set("both", "new", 0);
    oldCache.set("both", "old", 0);
    oldCache.set("old-only", "old", 0);

    assertThat(fallback.get("both")).isEqualTo("new");
    assertThat(fallback.get("old-only")).isEqualTo("old");
    assertThat(fallback.get("nowhere")).isNull();
    assertThat(fallback.getAll(List.of("both", "old-only", "nowhere")))
        .containsOnly(entry("both", "new"), entry("old-only", "old"));
    assertThat(fallback.getAndTouch("old-only", 100)).isEqualTo("old");
    assertThat(fallback.gets("old-only")).as("gets reads the first cache only").isNull();

    assertThat(newCache.get("old-only")).isNull();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void copiesHitsIntoTheFirstCache(ServerKind kind) throws Exception {
    BlockingLarderClient<String> fallback = fallbackOver(kind).copyHitsToFirst(300).sync();
    oldCache.set("a", "old a", 0);
    oldCache.set("b", "old b", 0);
    oldCache.set("c", "old c", 0);
    newCache.set("c", "new c", 0);

    assertThat(fallback.get("a")).isEqualTo("old a");
    assertThat(fallback.getAll(List.of("b", "c"))).containsOnly(entry("b", "old b"), entry("c", "new c"));

    assertThat(newCache.getAll(List.of("a", "b", "c")))
        .containsOnly(entry("a", "old a"), entry("b", "old b"), entry("c", "new c"));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void casUniquesComeFromTheFirstCacheSoThatAnUpdateCarriesTheOldValueOver(ServerKind kind) throws Exception {
    FallbackClient<String> fallback = fallbackOver(kind).copyHitsToFirst(300);
    oldCache.set("list", "x", 0);
    oldCache.set("other", "y", 0);

    CasValue<String> read = fallback.sync().gets("list");
    assertThat(read.value()).isEqualTo("x");
    assertThat(fallback.sync().cas("list", "x,1", read.cas(), 0)).isEqualTo(CasResult.STORED);
    assertThat(fallback.sync().getsAll(List.of("other")).get("other").value()).isEqualTo("y");

    String updated = new CasUpdater<>(fallback).update("list", 0, list -> list + ",2").join();

    assertThat(updated).isEqualTo("x,1,2");
    assertThat(newCache.get("list")).isEqualTo("x,1,2");
    assertThat(oldCache.get("list")).isEqualTo("x");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void anOldCacheThatIsGoneCostsMissesWhenItsErrorsAreIgnored(ServerKind kind) throws Exception {
    fallbackOver(kind);
    LarderClient<String> oldClient = oldCache.async();
    BlockingLarderClient<String> strict = new FallbackClient<>(List.of(newCache.async(), oldClient)).sync();
    BlockingLarderClient<String> lenient =
        new FallbackClient<>(List.of(newCache.async(), new IgnoreReadErrorsClient<>(oldClient))).sync();
    newCache.set("k", "v", 0);

    oldServer.close();

    assertThat(lenient.get("missing")).isNull();
    assertThat(lenient.get("k")).isEqualTo("v");
    assertThat(catchThrowable(() -> strict.get("missing"))).isInstanceOf(CacheException.class);
  }

  /** Starts the new and the old server and returns a FallbackClient over them, without copying. */
  private FallbackClient<String> fallbackOver(ServerKind kind) throws Exception {
    CacheServer newServer = resources.start(kind);
    oldServer = resources.start(kind);
    newCache = resources.client(newServer).sync();
    oldCache = resources.client(oldServer).sync();
    return new FallbackClient<>(List.of(newCache.async(), oldCache.async()));
  }
}
