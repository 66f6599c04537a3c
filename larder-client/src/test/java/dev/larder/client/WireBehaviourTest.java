package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.protocol.text.MalformedReplyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the client writes, and what it does with replies that break the protocol, seen on the wire. */
class WireBehaviourTest {
  /** How long a test waits for a future that must complete on its own; never reached when all is well. */
  private static final long PATIENCE_SECONDS = 10;

  @RegisterExtension
  final ScriptedServers wire = new ScriptedServers();

  @Test
  void aMultiGetIsOneCommandPerServer() throws Exception {
    List<ScriptedServer> servers = List.of(wire.server(WireBehaviourTest::echoKeys), wire.server(WireBehaviourTest::echoKeys),
        wire.server(WireBehaviourTest::echoKeys));
    List<String> keys = IntStream.range(0, 30).mapToObj(i -> "key" + i).toList();

    var hits = client(servers).sync().getAll(keys);

    assertThat(hits).hasSize(30).allSatisfy((key, value) -> assertThat(value).isEqualTo(key));
    List<String> keysSent = new ArrayList<>();
    for (ScriptedServer server : servers) {
      List<String> lines = server.takeLines();
      assertThat(lines).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("get "));
      keysSent.addAll(Arrays.asList(lines.get(0).substring("get ".length()).split(" ")));
    }
    assertThat(keysSent).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void garbageWithoutALineEndClosesTheConnection() throws Exception {
    ScriptedServer server = wire.server(line -> "x".repeat(20_000));

    Throwable failure = catchThrowable(() -> client(List.of(server)).sync().get("k"));

    assertThat(failure).isInstanceOf(ConnectionLostException.class).hasCauseInstanceOf(MalformedReplyException.class);
  }

  @Test
  void aValueForAKeyNotAskedForClosesTheConnection() throws Exception {
    ScriptedServer server = wire.server(line -> "VALUE other 0 1\r\nx\r\nEND\r\n");

    Throwable failure = catchThrowable(() -> client(List.of(server)).sync().get("k"));

    assertThat(failure).isInstanceOf(ConnectionLostException.class)
        .hasMessageContaining("unexpected reply")
        .hasCauseInstanceOf(MalformedReplyException.class);
  }

  @Test
  void aKeyAnsweredTwiceClosesTheConnection() throws Exception {
    ScriptedServer server = wire.server(line -> "VALUE k 0 1\r\nx\r\nVALUE k 0 1\r\nx\r\nEND\r\n");

    Throwable failure = catchThrowable(() -> client(List.of(server)).sync().get("k"));

    assertThat(failure).isInstanceOf(ConnectionLostException.class).hasCauseInstanceOf(MalformedReplyException.class);
  }

  /** One timer serves a connection: it must come back for operations sent after the first. */
  @Test
  void everyOperationToASilentServerTimesOut() throws Exception {
    ScriptedServer server = wire.server(line -> "");
    LarderClient<String> client = client(List.of(server), Duration.ofMillis(200));

    CompletableFuture<String> first = client.get("a");
    Thread.sleep(100);
    CompletableFuture<String> second = client.get("b");

    assertThat(catchThrowable(() -> first.get(PATIENCE_SECONDS, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(CacheTimeoutException.class);
    assertThat(catchThrowable(() -> second.get(PATIENCE_SECONDS, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(CacheTimeoutException.class);
  }

  @Test
  void aLateReplyIsConsumedAndTheNextOperationGetsItsOwn() throws Exception {
    ScriptedServer server = wire.server(line -> {
      if (line.equals("get slow")) {
        sleep(700);
      }
      return echoKeys(line);
    });
    LarderClient<String> client = client(List.of(server), Duration.ofMillis(500));

    assertThat(catchThrowable(() -> client.sync().get("slow"))).isInstanceOf(CacheTimeoutException.class);
    Thread.sleep(400);  // the late reply comes meanwhile, so the next get's timeout does not race it

    assertThat(client.sync().get("fast")).isEqualTo("fast");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Answers {@code get k1 k2 ...} with each key as its own value. */
  private static String echoKeys(String line) {
    return Arrays.stream(line.split(" ")).skip(1)
        .map(key -> "VALUE " + key + " 0 " + key.length() + "\r\n" + key + "\r\n")
        .collect(Collectors.joining("", "", "END\r\n"));
  }

  private LarderClient<String> client(List<ScriptedServer> servers) {
    return client(servers, Duration.ofSeconds(1));
  }

  /** A client in text commands: these scripted servers speak text only, and would not answer {@code mn}. */
  private LarderClient<String> client(List<ScriptedServer> servers, Duration operationTimeout) {
    return wire.client(servers, builder -> builder.protocol(ClientProtocol.TEXT).operationTimeout(operationTimeout));
  }
}
