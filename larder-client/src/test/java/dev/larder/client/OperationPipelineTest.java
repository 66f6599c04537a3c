package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.routing.Node;
import dev.larder.protocol.text.StorageCommand;
import dev.larder.protocol.text.TextCommandWriter;
import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on an embedded channel: everything submitted before the event loop runs is one batch,
 * so what goes on the wire, and what each operation gets back, is exact.
 */
class OperationPipelineTest {
  private final OperationPipeline pipeline =
      new OperationPipeline(Node.of("127.0.0.1", 11211), Duration.ofSeconds(1), 1 << 20);
  private final EmbeddedChannel channel = new EmbeddedChannel(pipeline);

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void getsOfOneBatchGoOutAsOneCommandAndEachGetsItsOwnValue() {
    List<CompletableFuture<TextResponse.Value>> gets = submitGets("a", "b", "c");

    assertThat(written()).isEqualTo("get a b c\r\n");
    reply("VALUE a 0 1\r\nA\r\nVALUE c 3 1\r\nC\r\nEND\r\n");

    assertThat(gets.get(0).join().data()).isEqualTo(bytes("A"));
    assertThat(gets.get(1).join()).as("a miss").isNull();
    assertThat(gets.get(2).join().flags()).isEqualTo(3);
    assertThat(gets.get(2).join().data()).isEqualTo(bytes("C"));
  }

  @Test
  void aRepeatedKeyStartsAnotherCommand() {
    List<CompletableFuture<TextResponse.Value>> gets = submitGets("a", "b", "a");

    assertThat(written()).isEqualTo("get a b\r\nget a\r\n");
    reply("VALUE a 0 1\r\n1\r\nEND\r\nVALUE a 0 1\r\n2\r\nEND\r\n");

    assertThat(gets.get(0).join().data()).isEqualTo(bytes("1"));
    assertThat(gets.get(1).join()).isNull();
    assertThat(gets.get(2).join().data()).isEqualTo(bytes("2"));
  }

  @Test
  void anotherCommandBetweenGetsKeepsItsPlace() {
    CompletableFuture<TextResponse.Value> first = submitGets("a").get(0);
    SingleReplyOperation<Boolean> set = new SingleReplyOperation<>(
        out -> TextCommandWriter.writeStore(out, StorageCommand.SET, bytes("x"), 0, 0, bytes("v"), false),
        Replies::stored);
    pipeline.submit(set);
    CompletableFuture<TextResponse.Value> second = submitGets("b").get(0);

    assertThat(written()).isEqualTo("get a\r\nset x 0 0 1\r\nv\r\nget b\r\n");
    reply("END\r\nSTORED\r\nVALUE b 0 1\r\nB\r\nEND\r\n");

    assertThat(first.join()).isNull();
    assertThat(set.future().join()).isTrue();
    assertThat(second.join().data()).isEqualTo(bytes("B"));
  }

  @Test
  void aCommandCarriesAtMostMaxKeys() {
    String[] keys = IntStream.range(0, MergedGetOperation.MAX_KEYS + 1).mapToObj(i -> "k" + i).toArray(String[]::new);
    List<CompletableFuture<TextResponse.Value>> gets = submitGets(keys);

    String wire = written();
    assertThat(wire.split("\r\n")).hasSize(2);
    assertThat(wire).endsWith("\r\nget k" + MergedGetOperation.MAX_KEYS + "\r\n");
    reply("END\r\nEND\r\n");
    assertThat(gets).allSatisfy(get -> assertThat(get.join()).isNull());
  }

  @Test
  void anErrorReplyFailsEveryMergedGet() {
    List<CompletableFuture<TextResponse.Value>> gets = submitGets("a", "b");
    written();

    reply("SERVER_ERROR busy\r\n");

    assertThat(gets).allSatisfy(get ->
        assertThat(catchThrowable(get::join)).hasCauseInstanceOf(ServerErrorException.class));
    assertThat(channel.isActive()).as("an error reply is a normal reply").isTrue();
  }

  @Test
  void aValueOutOfOrderFailsEveryMergedGetAndClosesTheConnection() {
    List<CompletableFuture<TextResponse.Value>> gets = submitGets("a", "b");
    written();

    reply("VALUE b 0 1\r\nB\r\nVALUE a 0 1\r\nA\r\nEND\r\n");

    assertThat(gets).allSatisfy(get ->
        assertThat(catchThrowable(get::join)).hasCauseInstanceOf(ConnectionLostException.class));
    assertThat(channel.isActive()).isFalse();
  }

  private List<CompletableFuture<TextResponse.Value>> submitGets(String... keys) {
    List<CompletableFuture<TextResponse.Value>> futures = new ArrayList<>();
    for (String key : keys) {
      SingleKeyRetrievalOperation get = SingleKeyRetrievalOperation.get(bytes(key));
      pipeline.submit(get);
      futures.add(get.future());
    }
    return futures;
  }

  /** Runs the batch and returns what it wrote. */
  private String written() {
    channel.runPendingTasks();
    StringBuilder wire = new StringBuilder();
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      wire.append(out.toString(StandardCharsets.US_ASCII));
      out.release();
    }
    return wire.toString();
  }

  private void reply(String wire) {
    channel.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.US_ASCII));
    channel.runPendingTasks();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
