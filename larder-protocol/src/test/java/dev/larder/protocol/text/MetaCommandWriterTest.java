package dev.larder.protocol.text;

import static dev.larder.protocol.text.DecoderHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Exact wire bytes of the meta commands, as memcached 1.6.18 reads them (see PROTOCOL.md's lease example). */
class MetaCommandWriterTest {
  private static final byte[] KEY = bytes("k");

  @Test
  void leaseGet() {
    assertWrites(out -> MetaCommandWriter.writeLeaseGet(out, KEY, 30, 0), "mg k v f c N30\r\n");
    assertWrites(out -> MetaCommandWriter.writeLeaseGet(out, bytes("user:42"), 5, 10), "mg user:42 v f c N5 R10\r\n");
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
