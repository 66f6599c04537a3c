package dev.larder.client.it;

import static dev.larder.client.it.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.Lease;
import dev.larder.client.helpers.CacheAside;
import dev.larder.client.helpers.LeasePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Leases against a real memcached 1.6, whose meta protocol is the reference, and against Larder: the
 * lease commands, and {@link CacheAside} across several clients (separate connections, standing in for
 * processes). Against a server without the meta protocol every client that misses loads, so these
 * tests fail there.
 */
class LeaseIT {
  private static final int CLIENTS = 3;
  private static final int THREADS_PER_CLIENT = 16;
  /** Waits long enough that no caller gives up on the winner's load, however slow the machine. */
  private static final LeasePolicy PATIENT = new LeasePolicy(30, 0, Duration.ofSeconds(30));

  @RegisterExtension
  final TestResources resources = new TestResources();
  private final AtomicInteger loads = new AtomicInteger();
  private final List<LarderClient<String>> clients = new ArrayList<>();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void oneCallerWinsAMissAndItsFillEndsTheLease(ServerKind kind) throws Exception {
    startClients(kind);
    BlockingLarderClient<String> first = clients.get(0).sync();
    BlockingLarderClient<String> second = clients.get(1).sync();

    Lease<String> won = first.leaseGet("k", 30, 0);
    Lease<String> lost = second.leaseGet("k", 30, 0);
    boolean filled = first.fillLease("k", won, "value", 60);

    assertThat(won.value()).isNull();
    assertThat(won.won()).isTrue();
    assertThat(lost).isEqualTo(new Lease<String>(null, won.cas(), false, false));
    assertThat(filled).isTrue();
    assertThat(second.leaseGet("k", 30, 0)).satisfies(hit -> {
      assertThat(hit.value()).isEqualTo("value");
      assertThat(hit.won()).isFalse();
    });
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void afterAnInvalidationOneCallerWinsTheRefreshAndOthersReadTheStaleValue(ServerKind kind) throws Exception {
    startClients(kind);
    BlockingLarderClient<String> first = clients.get(0).sync();
    BlockingLarderClient<String> second = clients.get(1).sync();
    first.set("k", "old", 60);

    assertThat(first.invalidate("k")).isTrue();
    Lease<String> won = first.leaseGet("k", 30, 0);
    Lease<String> stale = second.leaseGet("k", 30, 0);

    assertThat(won).satisfies(lease -> {
      assertThat(lease.value()).isEqualTo("old");
      assertThat(lease.won()).isTrue();
      assertThat(lease.stale()).isTrue();
    });
    assertThat(stale).isEqualTo(new Lease<>("old", won.cas(), false, true));
    assertThat(first.fillLease("k", won, "new", 60)).isTrue();
    assertThat(second.leaseGet("k", 30, 0)).isEqualTo(new Lease<>("new", second.gets("k").cas(), false, false));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aLateWinnerCannotOverwriteANewerValue(ServerKind kind) throws Exception {
    startClients(kind);
    BlockingLarderClient<String> first = clients.get(0).sync();
    first.set("k", "old", 60);
    first.invalidate("k");
    Lease<String> won = first.leaseGet("k", 30, 0);

    first.invalidate("k");

    assertThat(first.fillLease("k", won, "late", 60)).isFalse();
    assertThat(first.get("k")).isEqualTo("old");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aReleasedLeaseIsWonAgainAtOnce(ServerKind kind) throws Exception {
    startClients(kind);
    BlockingLarderClient<String> first = clients.get(0).sync();
    BlockingLarderClient<String> second = clients.get(1).sync();

    Lease<String> miss = first.leaseGet("miss", 30, 0);
    assertThat(first.releaseLease("miss", miss)).isTrue();
    first.set("stale", "old", 60);
    first.invalidate("stale");
    Lease<String> refresh = first.leaseGet("stale", 30, 0);
    assertThat(first.releaseLease("stale", refresh)).isTrue();

    assertThat(second.leaseGet("miss", 30, 0).won()).isTrue();
    assertThat(second.leaseGet("stale", 30, 0)).satisfies(lease -> {
      assertThat(lease.value()).isEqualTo("old");
      assertThat(lease.won()).isTrue();
    });
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aValueCloseToExpiryWinsOneEarlyRefresh(ServerKind kind) throws Exception {
    startClients(kind);
    BlockingLarderClient<String> first = clients.get(0).sync();
    first.set("k", "value", 5);

    Lease<String> won = first.leaseGet("k", 30, 10);
    Lease<String> other = clients.get(1).sync().leaseGet("k", 30, 10);

    assertThat(won).isEqualTo(new Lease<>("value", won.cas(), true, false));
    assertThat(other).isEqualTo(new Lease<>("value", won.cas(), false, false));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void callersOfAColdKeyInEveryClientShareOneLoad(ServerKind kind) throws Exception {
    startClients(kind);
    CountDownLatch everyoneAsked = new CountDownLatch(CLIENTS * THREADS_PER_CLIENT);

    List<String> values = fromEveryClient(cache -> {
      everyoneAsked.countDown();
      return cache.getOrLoad("profile:42", 300, () -> {
        loads.incrementAndGet();
        everyoneAsked.await(30, TimeUnit.SECONDS);
        return "profile 42";
      }).join();
    });

    assertThat(values).hasSize(CLIENTS * THREADS_PER_CLIENT).containsOnly("profile 42");
    assertThat(loads).hasValue(1);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void readersOfAnInvalidatedKeyGetTheStaleValueWhileOneCallerReloadsIt(ServerKind kind) throws Exception {
    startClients(kind);
    clients.get(0).sync().set("profile:42", "old profile", 300);
    new CacheAside<>(clients.get(0)).invalidate("profile:42").join();
    CountDownLatch everyoneRead = new CountDownLatch(1);

    List<String> values = fromEveryClient(cache -> cache.getOrLoad("profile:42", 300, () -> {
      loads.incrementAndGet();
      everyoneRead.await(30, TimeUnit.SECONDS);
      return "new profile";
    }).join());
    everyoneRead.countDown();

    assertThat(values).hasSize(CLIENTS * THREADS_PER_CLIENT).containsOnly("old profile");
    eventually(() -> assertThat(clients.get(1).sync().get("profile:42")).isEqualTo("new profile"));
    assertThat(loads).hasValue(1);
  }

  /** Starts a server of {@code kind} and {@link #CLIENTS} clients of it. */
  private void startClients(ServerKind kind) throws Exception {
    ServerKind.CacheServer server = resources.start(kind);
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(resources.client(new Utf8Transcoder(), UnaryOperator.identity(), List.of(server)));
    }
  }

  /** What {@code call} returns in {@link #THREADS_PER_CLIENT} threads per client, all started together. */
  private List<String> fromEveryClient(CacheCall call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CLIENTS * THREADS_PER_CLIENT);
    ExecutorService loaders = Executors.newCachedThreadPool();
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (LarderClient<String> client : clients) {
        CacheAside<String> cache = new CacheAside<>(client, loaders, PATIENT);
        for (int i = 0; i < THREADS_PER_CLIENT; i++) {
          results.add(threads.submit(() -> {
            start.await();
            return call.on(cache);
          }));
        }
      }
      start.countDown();
      List<String> values = new ArrayList<>();
      for (Future<String> result : results) {
        values.add(result.get(60, TimeUnit.SECONDS));
      }
      return values;
    } finally {
      threads.shutdownNow();
      loaders.shutdown();
    }
  }

  /** A call on one client's cache. */
  private interface CacheCall {
    String on(CacheAside<String> cache) throws Exception;
  }
}
