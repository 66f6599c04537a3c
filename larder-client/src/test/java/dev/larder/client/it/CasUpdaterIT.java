package dev.larder.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.CasResult;
import dev.larder.client.ForwardingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.helpers.CasContentionException;
import dev.larder.client.helpers.CasUpdater;
import dev.larder.client.transcoder.DecimalTranscoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The check-and-set loop against real servers: concurrent updates are never lost. */
class CasUpdaterIT {
  @RegisterExtension
  final TestResources resources = new TestResources();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void concurrentIncrementsAreNeverLost(ServerKind kind) throws Exception {
    LarderClient<Long> client = resources.client(
        DecimalTranscoder.LONG, UnaryOperator.identity(), List.of(resources.start(kind)));
    // Enough attempts that contention never ends an update: what is under test is that none is lost.
    CasUpdater<Long> counters = new CasUpdater<>(client, 100_000);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 200; i++) {
            counters.update("counter", 0, n -> n == null ? 1L : n + 1).join();
          }
        }));
      }
      for (Future<?> thread : done) {
        thread.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(client.sync().get("counter")).isEqualTo(1600L);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aMissingKeyIsAddedAndNullStoresNothing(ServerKind kind) throws Exception {
    LarderClient<String> client = resources.client(resources.start(kind));
    CasUpdater<String> updater = new CasUpdater<>(client);

    assertThat(updater.update("list", 0, list -> list == null ? "a" : list + ",b").join()).isEqualTo("a");
    assertThat(updater.update("list", 0, list -> list == null ? "a" : list + ",b").join()).isEqualTo("a,b");
    assertThat(updater.update("list", 0, list -> null).join()).isNull();
    assertThat(updater.update("missing", 0, list -> null).join()).isNull();

    assertThat(client.sync().get("list")).isEqualTo("a,b");
    assertThat(client.sync().get("missing")).isNull();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void givesUpWhenTheKeyKeepsChanging(ServerKind kind) throws Exception {
    LarderClient<String> client = resources.client(resources.start(kind));
    client.sync().set("contended", "0", 0);
    AtomicInteger casCalls = new AtomicInteger();
    LarderClient<String> meddling = new ForwardingLarderClient<>(client) {
      /** Another writer gets in between every read and its check-and-set. */
      @Override
      public CompletableFuture<CasResult> cas(String key, String value, long cas, int exptime) {
        casCalls.incrementAndGet();
        return set(key, "meddled", 0).thenCompose(stored -> super.cas(key, value, cas, exptime));
      }
    };

    Throwable failure = catchThrowable(() -> new CasUpdater<>(meddling, 5).update("contended", 0, v -> v + "!").join());

    assertThat(failure).cause().isInstanceOfSatisfying(CasContentionException.class, contention -> {
      assertThat(contention.key()).isEqualTo("contended");
      assertThat(contention.attempts()).isEqualTo(5);
    });
    assertThat(casCalls).hasValue(5);
    assertThat(client.sync().get("contended")).isEqualTo("meddled");
  }
}
