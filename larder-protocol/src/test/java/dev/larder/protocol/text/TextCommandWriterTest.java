package dev.larder.protocol.text;

import static dev.larder.protocol.text.DecoderHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Exact wire bytes of every command, and a round trip through the server-side decoder: what the client
 * writes is what memcached's parser reads.
 */
class TextCommandWriterTest {
  private static final byte[] KEY = bytes("k");

  @Test
  void retrievals() {
    assertWrites(out -> TextCommandWriter.writeGet(out, false, List.of(KEY)), "get k\r\n");
    assertWrites(out -> TextCommandWriter.writeGet(out, true, List.of(bytes("a"), bytes("b"), bytes("c"))),
        "gets a b c\r\n");
    assertWrites(out -> TextCommandWriter.writeGetAndTouch(out, false, 60, List.of(KEY, bytes("b"))),
        "gat 60 k b\r\n");
    assertWrites(out -> TextCommandWriter.writeGetAndTouch(out, true, -1, List.of(KEY)), "gats -1 k\r\n");
  }

  @Test
  void aRetrievalNeedsAKey() {
    assertThatThrownBy(() -> TextCommandWriter.writeGet(Unpooled.buffer(), false, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keys: [] (expected: at least one key)");
  }

  @Test
  void storage() {
    assertWrites(out -> TextCommandWriter.writeStore(out, StorageCommand.SET, KEY, 0, 0, bytes("v"), false),
        "set k 0 0 1\r\nv\r\n");
    assertWrites(out -> TextCommandWriter.writeStore(out, StorageCommand.ADD, KEY, -1, 2592000, bytes("ab"), true),
        "add k 4294967295 2592000 2 noreply\r\nab\r\n");
    assertWrites(out -> TextCommandWriter.writeStore(out, StorageCommand.REPLACE, KEY, 7, Integer.MIN_VALUE,
        new byte[0], false), "replace k 7 -2147483648 0\r\n\r\n");
    assertWrites(out -> TextCommandWriter.writeStore(out, StorageCommand.APPEND, KEY, 0, 0, bytes("\r\n"), false),
        "append k 0 0 2\r\n\r\n\r\n");
    assertWrites(out -> TextCommandWriter.writeStore(out, StorageCommand.PREPEND, KEY, 0, 0, bytes("x"), true),
        "prepend k 0 0 1 noreply\r\nx\r\n");
    assertWrites(out -> TextCommandWriter.writeCas(out, KEY, 3, 10, bytes("v"), -1L, false),
        "cas k 3 10 1 18446744073709551615\r\nv\r\n");
    assertWrites(out -> TextCommandWriter.writeCas(out, KEY, 0, 0, bytes("v"), 12, true),
        "cas k 0 0 1 12 noreply\r\nv\r\n");
  }

  @Test
  void casIsWrittenByItsOwnMethod() {
    assertThatThrownBy(() -> TextCommandWriter.writeStore(
        Unpooled.buffer(), StorageCommand.CAS, KEY, 0, 0, new byte[0], false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("command: CAS (expected: ");
  }

  @Test
  void keyCommands() {
    assertWrites(out -> TextCommandWriter.writeDelete(out, KEY, false), "delete k\r\n");
    assertWrites(out -> TextCommandWriter.writeDelete(out, KEY, true), "delete k noreply\r\n");
    assertWrites(out -> TextCommandWriter.writeIncrDecr(out, true, KEY, 1, false), "incr k 1\r\n");
    assertWrites(out -> TextCommandWriter.writeIncrDecr(out, false, KEY, -1L, true),
        "decr k 18446744073709551615 noreply\r\n");
    assertWrites(out -> TextCommandWriter.writeTouch(out, KEY, 0, false), "touch k 0\r\n");
    assertWrites(out -> TextCommandWriter.writeTouch(out, KEY, -5, true), "touch k -5 noreply\r\n");
  }

  @Test
  void serverCommands() {
    assertWrites(out -> TextCommandWriter.writeFlushAll(out, 0, false), "flush_all\r\n");
    assertWrites(out -> TextCommandWriter.writeFlushAll(out, 30, true), "flush_all 30 noreply\r\n");
    assertWrites(out -> TextCommandWriter.writeStats(out, ""), "stats\r\n");
    assertWrites(out -> TextCommandWriter.writeStats(out, " slabs "), "stats slabs\r\n");
    assertWrites(TextCommandWriter::writeVersion, "version\r\n");
  }

  @Test
  void statsArgumentsCannotInjectACommand() {
    assertThatThrownBy(() -> TextCommandWriter.writeStats(Unpooled.buffer(), "items\r\nflush_all"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(expected: printable ASCII, no control characters)");
  }

  @Test
  void theServerDecoderReadsWhatTheWriterWrites() {
    ByteBuf out = Unpooled.buffer();
    TextCommandWriter.writeCas(out, KEY, -1, -1, bytes("val"), 99, true);
    TextCommandWriter.writeGetAndTouch(out, true, 10, List.of(KEY, bytes("b")));
    TextCommandWriter.writeIncrDecr(out, true, KEY, -1L, false);
    byte[] wire = new byte[out.readableBytes()];
    out.readBytes(wire);
    DecoderHarness.assertDecodes(wire,
        new TextRequest.Store(StorageCommand.CAS, KEY, -1, -1, bytes("val"), 99, true),
        new TextRequest.Retrieve(true, true, 10, RetrievalKeys.of(List.of(KEY, bytes("b"))), false),
        new TextRequest.IncrDecr(true, KEY, -1L, false));
  }

  private static void assertWrites(Consumer<ByteBuf> writer, String expected) {
    ByteBuf out = Unpooled.buffer();
    writer.accept(out);
    assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(expected);
  }
}
