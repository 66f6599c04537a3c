package dev.larder.client.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.ForwardingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.Lease;
import dev.larder.client.StubClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What {@link CacheAside} does with each outcome of a lease read, against a scripted client. */
class CacheAsideTest {
  private static final Executor SAME_THREAD = Runnable::run;
  private static final LeasePolicy POLICY = new LeasePolicy(30, 0, Duration.ofSeconds(30));

  private final ScriptedLeases client = new ScriptedLeases();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void aFreshValueIsReturnedWithoutLoading() {
    client.leases.add(new Lease<>("cached", 5, false, false));

    assertThat(cache(SAME_THREAD).getOrLoad("k", 60, this::load).join()).isEqualTo("cached");
    assertThat(loads).hasValue(0);
    assertThat(client.calls).containsExactly("leaseGet k 30 0");
  }

  @Test
  void aWonMissIsLoadedAndFilledWithTheLeasesCas() {
    client.leases.add(new Lease<>(null, 5, true, false));

    assertThat(cache(SAME_THREAD).getOrLoad("k", 60, this::load).join()).isEqualTo("loaded 1");
    assertThat(client.calls).containsExactly("leaseGet k 30 0", "fillLease k cas 5 loaded 1 60");
  }

  @Test
  void aStaleValueIsReturnedAtOnceWhileTheWinnerRefreshesItInTheBackground() throws Exception {
    client.leases.add(new Lease<>("old", 8, true, true));
    CountDownLatch refreshMayFinish = new CountDownLatch(1);
    CompletableFuture<String> refreshed = new CompletableFuture<>();
    client.onFill = refreshed::complete;

    String value = cache(task -> new Thread(task).start()).getOrLoad("k", 60, () -> {
      refreshMayFinish.await();
      return load();
    }).join();

    assertThat(value).isEqualTo("old");
    refreshMayFinish.countDown();
    assertThat(refreshed.get()).isEqualTo("loaded 1");
    assertThat(client.calls).containsExactly("leaseGet k 30 0", "fillLease k cas 8 loaded 1 60");
  }

  @Test
  void aCallerThatFindsAnotherCallersLoadReadsAgainUntilTheValueIsThere() {
    client.leases.add(new Lease<>(null, 5, false, false));
    client.leases.add(new Lease<>(null, 5, false, false));
    client.leases.add(new Lease<>("theirs", 6, false, false));

    assertThat(cache(SAME_THREAD).getOrLoad("k", 60, this::load).join()).isEqualTo("theirs");
    assertThat(loads).hasValue(0);
    assertThat(client.calls).containsExactly("leaseGet k 30 0", "leaseGet k 30 0", "leaseGet k 30 0");
  }

  @Test
  void aCallerThatWaitedLongEnoughLoadsWithoutStoring() {
    client.leases.add(new Lease<>(null, 5, false, false));
    CacheAside<String> impatient = new CacheAside<>(client, SAME_THREAD, new LeasePolicy(30, 0, Duration.ofNanos(1)));

    assertThat(impatient.getOrLoad("k", 60, this::load).join()).isEqualTo("loaded 1");
    assertThat(client.calls).containsExactly("leaseGet k 30 0");
  }

  @Test
  void aFailedLoadReleasesTheLeaseBeforeTheFailureIsReported() {
    client.leases.add(new Lease<>(null, 5, true, false));
    Exception databaseDown = new Exception("database down");

    Throwable failure = catchThrowable(() -> cache(SAME_THREAD).getOrLoad("k", 60, () -> {
      throw databaseDown;
    }).join());

    assertThat(failure).hasCause(databaseDown);
    assertThat(client.calls).containsExactly("leaseGet k 30 0", "releaseLease k cas 5");
  }

  @Test
  void aLoaderThatFindsNothingReleasesTheLeaseAndGivesNull() {
    client.leases.add(new Lease<>(null, 5, true, false));

    assertThat(cache(SAME_THREAD).getOrLoad("k", 60, () -> null).join()).isNull();
    assertThat(client.calls).containsExactly("leaseGet k 30 0", "releaseLease k cas 5");
  }

  @Test
  void invalidateInvalidates() {
    assertThat(cache(SAME_THREAD).invalidate("k").join()).isTrue();
    assertThat(client.calls).containsExactly("invalidate k");
  }

  private CacheAside<String> cache(Executor loaderExecutor) {
    return new CacheAside<>(client, loaderExecutor, POLICY);
  }

  private String load() {
    return "loaded " + loads.incrementAndGet();
  }

  /** Answers lease reads from a queue and records every lease command. */
  private static final class ScriptedLeases extends ForwardingLarderClient<String> {
    final Queue<Lease<String>> leases = new ArrayDeque<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    Consumer<String> onFill = value -> { };

    ScriptedLeases() {
      super(StubClient.refusing());
    }

    @Override
    public CompletableFuture<Lease<String>> leaseGet(String key, int leaseTtl, int recacheTtl) {
      calls.add("leaseGet " + key + " " + leaseTtl + " " + recacheTtl);
      return CompletableFuture.completedFuture(leases.remove());
    }

    @Override
    public CompletableFuture<Boolean> fillLease(String key, Lease<String> lease, String value, int exptime) {
      calls.add("fillLease " + key + " cas " + lease.cas() + " " + value + " " + exptime);
      onFill.accept(value);
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> releaseLease(String key, Lease<String> lease) {
      calls.add("releaseLease " + key + " cas " + lease.cas());
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> invalidate(String key) {
      calls.add("invalidate " + key);
      return CompletableFuture.completedFuture(true);
    }
  }
}
