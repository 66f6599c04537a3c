package dev.larder.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.LarderClient;
import dev.larder.client.helpers.CacheAside;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** getOrLoad against real servers: one load per key however many callers wait for it. */
class CacheAsideIT {
  private static final int CALLERS = 32;

  @RegisterExtension
  final TestResources resources = new TestResources();
  private final AtomicInteger loads = new AtomicInteger();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void concurrentCallersForAColdKeyShareOneLoad(ServerKind kind) throws Exception {
    LarderClient<String> client = resources.client(resources.start(kind));
    CacheAside<String> cache = new CacheAside<>(client);

    List<String> values = fromManyThreads(() -> cache.getOrLoad("profile:42", 300, () -> {
      loads.incrementAndGet();
      Thread.sleep(100);
      return "profile 42";
    }).join());

    assertThat(values).hasSize(CALLERS).containsOnly("profile 42");
    assertThat(loads).hasValue(1);
    assertThat(client.sync().get("profile:42")).isEqualTo("profile 42");
    assertThat(cache.getOrLoad("profile:42", 300, () -> "loaded again").join()).isEqualTo("profile 42");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aLoaderFailureReachesEveryWaiterAndIsNotCached(ServerKind kind) throws Exception {
    LarderClient<String> client = resources.client(resources.start(kind));
    CacheAside<String> cache = new CacheAside<>(client);
    Exception databaseDown = new Exception("database down");

    List<Throwable> failures = fromManyThreads(() -> catchThrowable(() -> cache.getOrLoad("profile:7", 300, () -> {
      loads.incrementAndGet();
      Thread.sleep(100);
      throw databaseDown;
    }).join()));

    assertThat(failures).hasSize(CALLERS).allSatisfy(failure -> assertThat(failure).hasCause(databaseDown));
    assertThat(loads).hasValue(1);
    assertThat(client.sync().get("profile:7")).isNull();
    assertThat(cache.getOrLoad("profile:7", 300, () -> "profile 7").join()).isEqualTo("profile 7");
  }

  /** What {@code call} returns in each of {@link #CALLERS} threads started together. */
  private static <T> List<T> fromManyThreads(Callable<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> results = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        results.add(threads.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> values = new ArrayList<>();
      for (Future<T> result : results) {
        values.add(result.get(30, TimeUnit.SECONDS));
      }
      return values;
    } finally {
      threads.shutdownNow();
    }
  }
}
