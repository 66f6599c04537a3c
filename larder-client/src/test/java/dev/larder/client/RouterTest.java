package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.client.ServerHealth.Dead;
import dev.larder.client.ServerHealth.Failing;
import dev.larder.client.routing.Distribution;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import dev.larder.protocol.text.TextResponse.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Routing around dead servers with a fake clock: which server each key goes to, and when that changes. */
class RouterTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final Node A = Node.of("10.0.0.1", 11211);
  private static final Node B = Node.of("10.0.0.2", 11211);
  private static final Node C = Node.of("10.0.0.3", 11211);
  private static final List<Node> SERVERS = List.of(A, B, C);
  private static final List<byte[]> KEYS = IntStream.range(0, 2000)
      .mapToObj(i -> ("key:" + i).getBytes(StandardCharsets.US_ASCII)).toList();

  /** An arbitrary start: nanoTime readings may be negative. */
  private final AtomicLong clock = new AtomicLong(-7 * SECOND);
  private final Set<Node> connected = new HashSet<>(SERVERS);

  @Test
  void aDeadServersKeysGoWhereALocatorOverTheOtherServersPutsThem() {
    Router router = router(FailureMode.REDISTRIBUTE);

    markDead(router, B);

    RoutingTable table = router.table();
    assertThat(table.isDead(B)).isTrue();
    assertPlacedAsBy(Distribution.KETAMA.locator(List.of(A, C)), table);
    assertThat(table.refuses(B)).isFalse();
  }

  @Test
  void aServerFailingForLessThanItsRetryAttemptsKeepsItsKeys() {
    Router router = router(FailureMode.REDISTRIBUTE);

    router.record(B, lost(B));
    clock.addAndGet(SECOND);
    router.record(B, new CacheTimeoutException(B, Duration.ofSeconds(1)));

    assertThat(router.table().health(B)).isEqualTo(new Failing(2, clock.get()));
    assertPlacedAsBy(Distribution.KETAMA.locator(SERVERS), router.table());
  }

  @Test
  void afterItsDeadTimeoutAConnectedServerGetsItsKeysBack() {
    Router router = router(FailureMode.REDISTRIBUTE);
    markDead(router, B);
    long until = ((Dead) router.table().health(B)).untilNanos();

    clock.set(until - 1);
    assertThat(router.table().isDead(B)).isTrue();
    clock.set(until);

    assertThat(router.table().health(B)).isEqualTo(ServerHealth.HEALTHY);
    assertPlacedAsBy(Distribution.KETAMA.locator(SERVERS), router.table());
  }

  @Test
  void aServerStillUnreachableAfterItsDeadTimeoutStaysOutUntilItConnects() {
    Router router = router(FailureMode.REDISTRIBUTE);
    markDead(router, B);
    connected.remove(B);

    clock.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(router.table().isDead(B)).isTrue();
    connected.add(B);
    clock.addAndGet(SECOND);

    assertThat(router.table().isDead(B)).isFalse();
  }

  @Test
  void withFailModeADeadServersKeysKeepTheirOwnerAndAreRefused() {
    Router router = router(FailureMode.FAIL);

    markDead(router, B);

    RoutingTable table = router.table();
    assertPlacedAsBy(Distribution.KETAMA.locator(SERVERS), table);
    assertThat(table.refuses(B)).isTrue();
    assertThat(table.refuses(A)).isFalse();
  }

  @Test
  void whenEveryServerIsDeadKeysGoToTheirUsualOwners() {
    Router router = router(FailureMode.REDISTRIBUTE);

    SERVERS.forEach(node -> markDead(router, node));

    RoutingTable table = router.table();
    assertThat(SERVERS).allMatch(table::isDead).noneMatch(table::refuses);
    assertPlacedAsBy(Distribution.KETAMA.locator(SERVERS), table);
  }

  @Test
  void aReplyEvenAnErrorReplyMakesAFailingServerHealthy() {
    Router router = router(FailureMode.REDISTRIBUTE);
    router.record(A, lost(A));
    router.record(B, lost(B));

    router.record(A, null);
    router.record(B, new ServerErrorException(B, ErrorKind.SERVER_ERROR, "out of memory storing object"));

    assertThat(router.table().health(A)).isEqualTo(ServerHealth.HEALTHY);
    assertThat(router.table().health(B)).isEqualTo(ServerHealth.HEALTHY);
  }

  @Test
  void onlyFailuresThatSayTheServerIsAwayCount() {
    Router router = router(FailureMode.REDISTRIBUTE);

    router.record(A, new OverloadedException(A, 1));
    router.record(A, new ServerErrorException(A, ErrorKind.CLIENT_ERROR, "bad data chunk"));
    assertThat(router.table().health(A)).isEqualTo(ServerHealth.HEALTHY);

    router.record(A, new ServerUnavailableException(A));
    assertThat(router.table().health(A)).isEqualTo(new Failing(1, clock.get()));
  }

  @Test
  void theCommandsThatFailTogetherWhenAConnectionDropsCountOnce() {
    Router router = router(FailureMode.REDISTRIBUTE);

    for (int i = 0; i < 5000; i++) {
      router.record(B, lost(B));
    }

    assertThat(router.table().health(B)).isEqualTo(new Failing(1, clock.get()));
  }

  /** Fails {@code node} once a second until it is dead (pymemcache's defaults: three failures). */
  private void markDead(Router router, Node node) {
    while (!router.table().isDead(node)) {
      router.record(node, lost(node));
      clock.addAndGet(SECOND);
    }
  }

  private Router router(FailureMode mode) {
    return new Router(SERVERS, Distribution.KETAMA::locator, DeadServerPolicy.PYMEMCACHE, mode,
        connected::contains, clock::get);
  }

  private static ConnectionLostException lost(Node node) {
    return new ConnectionLostException(node, "connection to " + node + " closed", null);
  }

  private static void assertPlacedAsBy(NodeLocator expected, RoutingTable table) {
    assertThat(KEYS).allSatisfy(key -> assertThat(table.locate(key)).isEqualTo(expected.locate(key)));
  }
}
