package dev.larder.protocol.text;

import static dev.larder.protocol.text.DecoderHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Exact wire bytes of the meta commands, as memcached 1.6.18 reads them (see PROTOCOL.md's lease example;
 * the single-key forms were each tried against memcached 1.6.18).
 */
class MetaCommandWriterTest {
  private static final byte[] KEY = bytes("k");

  @Test
  void leaseGet() {
    assertWrites(out -> MetaCommandWriter.writeLeaseGet(out, KEY, 30, 0), "mg k v f c N30\r\n");
    assertWrites(out -> MetaCommandWriter.writeLeaseGet(out, bytes("user:42"), 5, 10), "mg user:42 v f c N5 R10\r\n");
  }

  @Test
  void get() {
    assertWrites(out -> MetaCommandWriter.writeGet(out, KEY, false), "mg k v f\r\n");
    assertWrites(out -> MetaCommandWriter.writeGet(out, bytes("user:42"), true), "mg user:42 v f c\r\n");
  }

  @Test
  void getAndTouch() {
    assertWrites(out -> MetaCommandWriter.writeGetAndTouch(out, KEY, false, 100), "mg k v f T100\r\n");
    assertWrites(out -> MetaCommandWriter.writeGetAndTouch(out, KEY, true, -1), "mg k v f c T-1\r\n");
  }

  @Test
  void touch() {
    assertWrites(out -> MetaCommandWriter.writeTouch(out, KEY, 100), "mg k T100\r\n");
    assertWrites(out -> MetaCommandWriter.writeTouch(out, KEY, 0), "mg k T0\r\n");
  }

  @Test
  void store() {
    assertWrites(out -> MetaCommandWriter.writeStore(out, StorageCommand.SET, KEY, 5, 0, bytes("v")),
        "ms k 1 F5 T0 MS\r\nv\r\n");
    assertWrites(out -> MetaCommandWriter.writeStore(out, StorageCommand.ADD, KEY, -1, -1, bytes("\r\n")),
        "ms k 2 F4294967295 T-1 ME\r\n\r\n\r\n");
    assertWrites(out -> MetaCommandWriter.writeStore(out, StorageCommand.REPLACE, KEY, 0, 300, new byte[0]),
        "ms k 0 F0 T300 MR\r\n\r\n");
    assertWrites(out -> MetaCommandWriter.writeStore(out, StorageCommand.APPEND, KEY, 0, 0, bytes("z")),
        "ms k 1 F0 T0 MA\r\nz\r\n");
    assertWrites(out -> MetaCommandWriter.writeStore(out, StorageCommand.PREPEND, KEY, 0, 0, bytes("a")),
        "ms k 1 F0 T0 MP\r\na\r\n");
    assertThatThrownBy(() -> MetaCommandWriter.writeStore(Unpooled.buffer(), StorageCommand.CAS, KEY, 0, 0, bytes("a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void incrDecr() {
    assertWrites(out -> MetaCommandWriter.writeIncrDecr(out, true, KEY, 41), "ma k D41 MI v\r\n");
    assertWrites(out -> MetaCommandWriter.writeIncrDecr(out, false, KEY, 50), "ma k D50 MD v\r\n");
    assertWrites(out -> MetaCommandWriter.writeIncrDecr(out, true, KEY, -1L), "ma k D18446744073709551615 MI v\r\n");
  }

  @Test
  void casSet() {
    assertWrites(out -> MetaCommandWriter.writeCasSet(out, KEY, 16, 300, bytes("hi"), 2),
        "ms k 2 F16 T300 C2\r\nhi\r\n");
    assertWrites(out -> MetaCommandWriter.writeCasSet(out, KEY, -1, -1, bytes("\r\n"), -1L),
        "ms k 2 F4294967295 T-1 C18446744073709551615\r\n\r\n\r\n");
    assertWrites(out -> MetaCommandWriter.writeCasSet(out, KEY, 0, 0, new byte[0], 7), "ms k 0 F0 T0 C7\r\n\r\n");
  }

  @Test
  void delete() {
    assertWrites(out -> MetaCommandWriter.writeDelete(out, KEY, false, 0), "md k\r\n");
    assertWrites(out -> MetaCommandWriter.writeDelete(out, KEY, true, 0), "md k I\r\n");
    assertWrites(out -> MetaCommandWriter.writeDelete(out, KEY, false, 12), "md k C12\r\n");
    assertWrites(out -> MetaCommandWriter.writeDelete(out, KEY, true, -1L), "md k I C18446744073709551615\r\n");
  }

  @Test
  void noop() {
    assertWrites(MetaCommandWriter::writeNoop, "mn\r\n");
  }

  private static void assertWrites(Consumer<ByteBuf> writer, String expected) {
    ByteBuf out = Unpooled.buffer();
    writer.accept(out);
    assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(expected);
  }
}
