package dev.larder.client.it;

import static dev.larder.client.it.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.CacheTimeoutException;
import dev.larder.client.FailureMode;
import dev.larder.client.LarderClientBuilder;
import dev.larder.client.ServerUnavailableException;
import dev.larder.client.it.ServerKind.CacheServer;
import dev.larder.client.routing.Distribution;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import dev.larder.server.it.MemcachedProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three servers, the middle one down: its keys go to the other two and come back when it returns
 * ({@link FailureMode#REDISTRIBUTE}), or fail at once ({@link FailureMode#FAIL}). Against memcached and
 * Larder; every wait is a bounded poll.
 */
class DeadServersIT {
  private static final List<String> KEYS = IntStream.range(0, 300).mapToObj(i -> "key:" + i).toList();
  /**
   * A server is dead once it has failed for 100 ms, and left out for half a second. The operation
   * timeout is generous so that a busy machine's slow replies from the live servers do not count
   * against them: the server that goes down fails at once, having no connection.
   */
  private static final UnaryOperator<LarderClientBuilder> QUICK = builder -> builder
      .deadServerPolicy(2, Duration.ofMillis(50), Duration.ofMillis(500))
      .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
      .operationTimeout(Duration.ofSeconds(5));

  @RegisterExtension
  final TestResources resources = new TestResources();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void withThreeServersAndOneDownItsKeysGoToTheOthersAndComeBackWhenItReturns(ServerKind kind) throws Exception {
    Cluster cluster = new Cluster(List.of(resources.start(kind), resources.start(kind), resources.start(kind)));
    BlockingLarderClient<String> cache = resources.client(new Utf8Transcoder(), QUICK, cluster.servers).sync();
    KEYS.forEach(key -> assertThat(cache.set(key, "before", 0)).isTrue());

    cluster.down().close();
    eventually(() -> {
      cluster.itsKeys().forEach(key -> assertThat(cache.set(key, "while it was down", 0)).isTrue());
      return null;
    });

    assertOnTheOthers(cluster, cluster.itsKeys(), "while it was down");
    cluster.othersKeys().forEach(key -> assertThat(cache.get(key)).as("a key of another server").isEqualTo("before"));
    assertThat(cache.getAll(KEYS)).hasSize(KEYS.size());
    assertThat(cache.stats("")).containsOnlyKeys(cluster.othersNodes());

    CacheServer back = resources.closeLater(kind.startOn(cluster.downNode().port()));
    BlockingLarderClient<String> backAlone = resources.client(back).sync();
    eventually(() -> {
      cluster.itsKeys().forEach(key -> cache.set(key, "back", 0));
      assertThat(backAlone.getAll(cluster.itsKeys())).hasSize(cluster.itsKeys().size());
      return null;
    });
    cluster.itsKeys().forEach(key -> assertThat(cache.get(key)).isEqualTo("back"));
    assertThat(cache.stats("")).containsOnlyKeys(cluster.nodes);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void withFailModeADeadServersKeysFailAtOnceUntilItReturns(ServerKind kind) throws Exception {
    Cluster cluster = new Cluster(List.of(resources.start(kind), resources.start(kind), resources.start(kind)));
    BlockingLarderClient<String> cache = resources.client(new Utf8Transcoder(),
        builder -> QUICK.apply(builder).failureMode(FailureMode.FAIL), cluster.servers).sync();
    KEYS.forEach(key -> assertThat(cache.set(key, "before", 0)).isTrue());

    cluster.down().close();
    String itsKey = cluster.itsKeys().get(0);
    eventually(() -> assertThat(catchThrowable(() -> cache.get(itsKey)))
        .isInstanceOf(ServerUnavailableException.class).hasMessageContaining("is marked dead"));

    for (String key : cluster.itsKeys()) {
      assertThatThrownBy(() -> cache.set(key, "x", 0))
          .isInstanceOfSatisfying(ServerUnavailableException.class,
              refused -> assertThat(refused.node()).isEqualTo(cluster.downNode()))
          .hasMessageContaining("is marked dead");
    }
    cluster.othersKeys().forEach(key -> assertThat(cache.get(key)).isEqualTo("before"));
    assertThatThrownBy(() -> cache.getAll(KEYS)).isInstanceOf(ServerUnavailableException.class);
    assertThat(cache.stats("")).containsOnlyKeys(cluster.othersNodes());

    resources.closeLater(kind.startOn(cluster.downNode().port()));
    assertThat(eventually(() -> cache.set(itsKey, "back", 0))).isTrue();
    assertThat(cache.get(itsKey)).isEqualTo("back");
  }

  @Test
  void aFrozenServerIsMarkedDeadByItsTimeoutsAndItsKeysMove() throws Exception {
    MemcachedProcess frozen = MemcachedProcess.start();
    Cluster cluster = new Cluster(List.of(resources.start(ServerKind.MEMCACHED),
        resources.closeLater(killedOnClose(frozen)), resources.start(ServerKind.MEMCACHED)));
    BlockingLarderClient<String> cache = resources.client(new Utf8Transcoder(),
        builder -> QUICK.apply(builder).operationTimeout(Duration.ofMillis(200)), cluster.servers).sync();
    String itsKey = cluster.itsKeys().get(0);
    assertThat(cache.set(itsKey, "before", 0)).isTrue();

    ServerKind.signal(frozen.pid(), "STOP");
    assertThatThrownBy(() -> cache.get(itsKey)).isInstanceOf(CacheTimeoutException.class);
    assertThat(eventually(() -> cache.set(itsKey, "while it was frozen", 0))).isTrue();

    assertOnTheOthers(cluster, List.of(itsKey), "while it was frozen");
  }

  /** Each of {@code keys} holds {@code value} on the server a locator over the other two puts it on. */
  private void assertOnTheOthers(Cluster cluster, List<String> keys, String value) {
    NodeLocator overTheOthers = Distribution.KETAMA.locator(cluster.othersNodes());
    List<BlockingLarderClient<String>> alone = List.of(
        resources.client(cluster.servers.get(0)).sync(), resources.client(cluster.servers.get(2)).sync());
    for (String key : keys) {
      Node owner = overTheOthers.locate(key.getBytes(StandardCharsets.UTF_8));
      assertThat(alone.get(owner.equals(cluster.nodes.get(0)) ? 0 : 1).get(key)).as("%s on %s", key, owner)
          .isEqualTo(value);
    }
  }

  private static CacheServer killedOnClose(MemcachedProcess memcached) {
    return new CacheServer() {
      @Override
      public int port() {
        return memcached.port();
      }

      @Override
      public void close() {
        ServerKind.kill(memcached);
      }
    };
  }

  /** Three servers; the middle one is the one that goes down. */
  private static final class Cluster {
    final List<CacheServer> servers;
    final List<Node> nodes;
    private final NodeLocator overAll;

    Cluster(List<CacheServer> servers) {
      this.servers = servers;
      this.nodes = servers.stream().map(server -> Node.of("127.0.0.1", server.port())).toList();
      this.overAll = Distribution.KETAMA.locator(nodes);
    }

    CacheServer down() {
      return servers.get(1);
    }

    Node downNode() {
      return nodes.get(1);
    }

    List<Node> othersNodes() {
      return List.of(nodes.get(0), nodes.get(2));
    }

    /** The keys of the middle server while all three are up. */
    List<String> itsKeys() {
      return KEYS.stream().filter(this::ownedByTheMiddleServer).toList();
    }

    List<String> othersKeys() {
      return KEYS.stream().filter(key -> !ownedByTheMiddleServer(key)).toList();
    }

    private boolean ownedByTheMiddleServer(String key) {
      return overAll.locate(key.getBytes(StandardCharsets.UTF_8)).equals(downNode());
    }
  }
}
