package dev.larder.client.it;

import static dev.larder.client.it.Eventually.PATIENCE;
import static dev.larder.client.it.Eventually.eventually;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.CacheException;
import dev.larder.client.CacheTimeoutException;
import dev.larder.client.CasResult;
import dev.larder.client.CasValue;
import dev.larder.client.ClientProtocol;
import dev.larder.client.LarderClient;
import dev.larder.client.LarderClientBuilder;
import dev.larder.client.OverloadedException;
import dev.larder.client.ServerErrorException;
import dev.larder.client.ServerUnavailableException;
import dev.larder.client.it.ServerKind.CacheServer;
import dev.larder.client.routing.Node;
import dev.larder.protocol.text.TextResponse.ErrorKind;
import dev.larder.server.it.MemcachedProcess;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client command against a real memcached 1.6 and against Larder's server, with pipelining,
 * several servers, and servers that die, freeze or come back. Waits are bounded; nothing is timed.
 */
class LarderClientIT {
  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  @AfterEach
  void closeEverything() throws Exception {
    while (!toClose.isEmpty()) {
      toClose.pop().close();
    }
  }

  /** Every server kind with every protocol: each single-key command is proven in text and meta commands. */
  static Stream<Arguments> serversAndProtocols() {
    return Stream.of(ServerKind.values())
        .flatMap(kind -> Stream.of(ClientProtocol.values()).map(protocol -> Arguments.of(kind, protocol)));
  }

  @ParameterizedTest
  @MethodSource("serversAndProtocols")
  void everyCommand(ServerKind kind, ClientProtocol protocol) throws Exception {
    BlockingLarderClient<String> cache = client(List.of(start(kind)), builder -> builder.protocol(protocol)).sync();

    assertThat(cache.get("k")).isNull();
    assertThat(cache.set("k", "v", 0)).isTrue();
    assertThat(cache.get("k")).isEqualTo("v");
    assertThat(cache.add("k", "x", 0)).isFalse();
    assertThat(cache.add("n", "1", 0)).isTrue();
    assertThat(cache.replace("k", "w", 0)).isTrue();
    assertThat(cache.replace("missing", "w", 0)).isFalse();
    assertThat(cache.append("k", "z")).isTrue();
    assertThat(cache.prepend("k", "a")).isTrue();
    assertThat(cache.append("missing", "z")).isFalse();
    assertThat(cache.get("k")).isEqualTo("awz");

    CasValue<String> read = cache.gets("k");
    assertThat(read.value()).isEqualTo("awz");
    assertThat(cache.cas("k", "new", read.cas(), 0)).isEqualTo(CasResult.STORED);
    assertThat(cache.cas("k", "newer", read.cas(), 0)).isEqualTo(CasResult.EXISTS);
    assertThat(cache.cas("missing", "x", read.cas(), 0)).isEqualTo(CasResult.NOT_FOUND);
    assertThat(cache.gets("missing")).isNull();

    assertThat(cache.getAll(List.of("k", "n", "missing", "k"))).containsOnly(entry("k", "new"), entry("n", "1"));
    assertThat(cache.getsAll(List.of("k"))).hasEntrySatisfying("k", hit -> {
      assertThat(hit.value()).isEqualTo("new");
      assertThat(hit.cas()).isNotEqualTo(read.cas());
    });
    assertThat(cache.getAll(List.of())).isEmpty();

    assertThat(cache.incr("n", 41)).isEqualTo(42L);
    assertThat(cache.decr("n", 50)).isEqualTo(0L);
    assertThat(cache.incr("n", -1L)).isEqualTo(-1L);
    assertThat(cache.incr("missing", 1)).isNull();
    assertThat(cache.decr("missing", 1)).isNull();
    assertThatThrownBy(() -> cache.incr("k", 1))
        .isInstanceOfSatisfying(ServerErrorException.class, refused -> {
          assertThat(refused.kind()).isEqualTo(ErrorKind.CLIENT_ERROR);
          assertThat(refused.serverMessage()).isEqualTo("cannot increment or decrement non-numeric value");
        });

    assertThat(cache.touch("k", 100)).isTrue();
    assertThat(cache.touch("missing", 100)).isFalse();
    assertThat(cache.getAndTouch("k", 100)).isEqualTo("new");
    assertThat(cache.getsAndTouch("k", 100).value()).isEqualTo("new");
    assertThat(cache.getAndTouch("missing", 100)).isNull();
    assertThat(cache.set("gone", "v", -1)).isTrue();
    assertThat(cache.get("gone")).isNull();

    assertThat(cache.delete("k")).isTrue();
    assertThat(cache.delete("k")).isFalse();

    assertThat(cache.version().values()).singleElement().asString().startsWith("1.6.");
    assertThat(cache.stats("").values()).singleElement().satisfies(stats ->
        assertThat(stats).containsKeys("pid", "curr_items", "cmd_get").containsEntry("curr_items", "1"));
    assertThat(cache.stats("settings").values()).singleElement().satisfies(stats ->
        assertThat(stats).containsKey("maxbytes"));
    assertThat(cache.stats("reset").values()).singleElement().satisfies(stats -> assertThat(stats).isEmpty());

    cache.flushAll(0);
    assertThat(cache.get("n")).isNull();

    assertThatThrownBy(() -> cache.set("big", "x".repeat(2 << 20), 0))
        .isInstanceOfSatisfying(ServerErrorException.class, refused -> {
          assertThat(refused.kind()).isEqualTo(ErrorKind.SERVER_ERROR);
          assertThat(refused.serverMessage()).isEqualTo("object too large for cache");
        });
    assertThat(cache.set("after", "still in step", 0)).isTrue();
    assertThat(cache.get("after")).isEqualTo("still in step");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void pipelinedFromManyThreads(ServerKind kind) throws Exception {
    LarderClient<String> client = client(List.of(start(kind)), UnaryOperator.identity());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Map<String, CompletableFuture<String>>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String prefix = "t" + t + "-";
        results.add(threads.submit(() -> {
          List<CompletableFuture<Boolean>> sets = new ArrayList<>();
          for (int i = 0; i < 1000; i++) {
            sets.add(client.set(prefix + i, "value of " + prefix + i, 0));
          }
          await(sets);
          Map<String, CompletableFuture<String>> gets = new HashMap<>();
          for (int i = 0; i < 1000; i++) {
            gets.put(prefix + i, client.get(prefix + i));
          }
          await(gets.values());
          return gets;
        }));
      }
      for (Future<Map<String, CompletableFuture<String>>> result : results) {
        result.get(PATIENCE.toSeconds(), SECONDS).forEach((key, value) ->
            assertThat(value.join()).isEqualTo("value of " + key));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void multiGetSpansThreeServers(ServerKind kind) throws Exception {
    List<CacheServer> servers = List.of(start(kind), start(kind), start(kind));
    BlockingLarderClient<String> cache = client(servers, UnaryOperator.identity()).sync();
    List<String> keys = IntStream.range(0, 300).mapToObj(i -> "key" + i).toList();
    for (String key : keys) {
      cache.set(key, "v" + key, 0);
    }
    List<String> asked = new ArrayList<>(keys);
    asked.addAll(List.of("absent1", "absent2"));

    Map<String, String> hits = cache.getAll(asked);

    assertThat(hits).hasSize(300);
    keys.forEach(key -> assertThat(hits).containsEntry(key, "v" + key));
    Map<Node, Map<String, String>> stats = cache.stats("");
    assertThat(stats).hasSize(3);
    assertThat(stats.values()).allSatisfy(server -> assertThat(Integer.parseInt(server.get("curr_items"))).isPositive());
    assertThat(stats.values().stream().mapToInt(server -> Integer.parseInt(server.get("curr_items"))).sum())
        .isEqualTo(300);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void oneIoThreadCarriesTheConnectionsOfEveryServer(ServerKind kind) throws Exception {
    List<CacheServer> servers = List.of(start(kind), start(kind), start(kind));
    LarderClient<String> client = client(servers, builder -> builder.ioThreads(1).connectionsPerServer(2));
    List<CompletableFuture<String>> completers = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // Registered while the set is most likely still in flight, so it runs where the reply completes it.
      completers.add(client.set("key" + i, "v" + i, 0).thenApply(stored -> Thread.currentThread().getName()));
    }
    await(completers);

    List<String> ioThreads = completers.stream().map(CompletableFuture::join)
        .filter(name -> name.startsWith("larder-client")).distinct().toList();
    assertThat(ioThreads).hasSize(1);
    BlockingLarderClient<String> cache = client.sync();
    assertThat(cache.getAll(IntStream.range(0, 600).mapToObj(i -> "key" + i).toList()))
        .hasSize(600)
        .containsEntry("key0", "v0")
        .containsEntry("key599", "v599");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void noreplyStorageCompletesOnWrite(ServerKind kind) throws Exception {
    // One connection, so that the reads below queue behind the noreply writes.
    LarderClient<String> client = client(List.of(start(kind)), builder -> builder.noreply(true).connectionsPerServer(1));
    BlockingLarderClient<String> cache = client.sync();

    assertThat(cache.set("k", "v", 0)).isTrue();
    assertThat(cache.add("k", "ignored", 0)).isTrue();
    assertThat(cache.append("k", "+")).isTrue();
    assertThat(cache.get("k")).isEqualTo("v+");
    assertThat(cache.delete("k")).isTrue();
    assertThat(cache.delete("k")).isTrue();
    assertThat(cache.get("k")).isNull();
    assertThat(cache.cas("k", "v", 1, 0)).isEqualTo(CasResult.NOT_FOUND);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void keyPrefixIsPartOfTheWireKey(ServerKind kind) throws Exception {
    CacheServer server = start(kind);
    BlockingLarderClient<String> prefixed = client(List.of(server), builder -> builder.keyPrefix("app:")).sync();
    BlockingLarderClient<String> plain = client(List.of(server), UnaryOperator.identity()).sync();

    prefixed.set("k", "v", 0);

    assertThat(plain.get("app:k")).isEqualTo("v");
    assertThat(plain.get("k")).isNull();
    assertThat(prefixed.getAll(List.of("k"))).containsOnly(entry("k", "v"));
    assertThatThrownBy(() -> prefixed.get("k".repeat(247))).isInstanceOf(IllegalArgumentException.class);
    assertThat(plain.get("k".repeat(250))).isNull();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void badKeysAreRefusedBeforeAnythingIsSent(ServerKind kind) throws Exception {
    LarderClient<String> client = client(List.of(start(kind)), UnaryOperator.identity());

    for (String key : List.of("", "a b", "a\r\nflush_all", "tab\t", "k".repeat(251))) {
      assertThatThrownBy(() -> client.set(key, "v", 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("key: ");
    }
    assertThatThrownBy(() -> client.getAll(List.of("fine", "not fine"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.stats("items\r\nflush_all")).isInstanceOf(IllegalArgumentException.class);
    assertThat(client.sync().set("fine", "v", 0)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void tooManyOutstandingOperationsFailAtOnce(ServerKind kind) throws Exception {
    LarderClient<String> client = client(List.of(start(kind)), builder -> builder.maxOutstandingPerServer(1));
    List<CompletableFuture<String>> gets = new ArrayList<>();
    boolean overloaded = false;
    for (int i = 0; i < 100_000 && !overloaded; i++) {
      CompletableFuture<String> get = client.get("k");
      gets.add(get);
      overloaded = get.isCompletedExceptionally();
    }

    assertThat(catchThrowable(gets.get(gets.size() - 1)::join)).hasCauseInstanceOf(OverloadedException.class)
        .cause().hasMessageContaining("(expected: < maxOutstandingPerServer 1)");
    awaitQuietly(gets);
    assertThat(client.sync().set("k", "the limit was released", 0)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aServerKilledMidPipelineFailsEveryPendingOperation(ServerKind kind) throws Exception {
    CacheServer server = start(kind);
    LarderClient<String> client = client(List.of(server), UnaryOperator.identity());
    List<CompletableFuture<?>> pending = new ArrayList<>();
    String value = "v".repeat(1000);
    for (int i = 0; i < 5000; i++) {
      pending.add(client.set("k" + i, value, 0));
    }

    server.close();
    for (int i = 0; i < 100; i++) {
      pending.add(client.get("k" + i));
    }

    awaitQuietly(pending);
    assertThat(pending).allSatisfy(operation -> {
      if (operation.isCompletedExceptionally()) {
        assertThat(catchThrowable(operation::join)).hasCauseInstanceOf(CacheException.class);
      }
    });
    assertThat(pending).anyMatch(CompletableFuture::isCompletedExceptionally);
  }

  @Test
  void aFrozenMemcachedGivesTimeoutsNotHangs() throws Exception {
    MemcachedProcess memcached = MemcachedProcess.start();
    toClose.push(() -> ServerKind.kill(memcached));
    LarderClient<String> client = clientOf(List.of(Node.of("127.0.0.1", memcached.port())),
        builder -> builder.operationTimeout(Duration.ofMillis(300)));
    BlockingLarderClient<String> cache = client.sync();
    cache.set("k", "v", 0);

    ServerKind.signal(memcached.pid(), "STOP");
    try {
      assertThatThrownBy(() -> cache.get("k")).isInstanceOf(CacheTimeoutException.class);
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        pending.add(client.get("k"));
      }
      awaitQuietly(pending);
      assertThat(pending).allSatisfy(operation ->
          assertThat(catchThrowable(operation::join)).hasCauseInstanceOf(CacheException.class));
    } finally {
      ServerKind.signal(memcached.pid(), "CONT");
    }
    assertThat(eventually(() -> cache.get("k"))).isEqualTo("v");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aRestartedServerIsUsedAgain(ServerKind kind) throws Exception {
    CacheServer server = start(kind);
    int port = server.port();
    BlockingLarderClient<String> cache = client(List.of(server),
        builder -> builder.reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))).sync();
    cache.set("k", "before", 0);

    server.close();
    assertThat(eventually(() -> {
      Throwable failure = catchThrowable(() -> cache.get("k"));
      if (!(failure instanceof ServerUnavailableException)) {
        throw new IllegalStateException("the client still uses the closed connection: " + failure);
      }
      return failure;
    })).hasMessageContaining(":" + port + " is not connected");

    toClose.push(kind.startOn(port));
    assertThat(eventually(() -> cache.set("k", "after", 0))).isTrue();
    assertThat(cache.get("k")).isEqualTo("after");
  }

  private CacheServer start(ServerKind kind) throws Exception {
    CacheServer server = kind.start();
    toClose.push(server);
    return server;
  }

  private LarderClient<String> client(List<CacheServer> servers, UnaryOperator<LarderClientBuilder> settings) {
    return clientOf(servers.stream().map(server -> Node.of("127.0.0.1", server.port())).toList(), settings);
  }

  private LarderClient<String> clientOf(List<Node> nodes, UnaryOperator<LarderClientBuilder> settings) {
    LarderClient<String> client = settings.apply(LarderClient.builder().servers(nodes)).build(new Utf8Transcoder());
    toClose.push(client);
    return client;
  }

  private static void await(Iterable<? extends CompletableFuture<?>> operations) throws Exception {
    List<CompletableFuture<?>> all = new ArrayList<>();
    operations.forEach(all::add);
    CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).get(PATIENCE.toSeconds(), SECONDS);
  }

  /** Waits, boundedly, until every operation is done, whatever its outcome. */
  private static void awaitQuietly(List<? extends CompletableFuture<?>> operations) throws Exception {
    CompletableFuture<?>[] settled = operations.stream()
        .map(operation -> operation.handle((value, failure) -> null))
        .toArray(CompletableFuture<?>[]::new);
    CompletableFuture.allOf(settled).get(PATIENCE.toSeconds(), SECONDS);
  }
}
