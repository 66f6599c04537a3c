package dev.larder.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextRepliesTest {

  private static String written(ByteBuf out) {
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void valueLine() {
    ByteBuf out = Unpooled.buffer();
    TextReplies.writeValueLine(out, "get k2 k3".getBytes(StandardCharsets.US_ASCII), 7, 2, -1, 5, false, 0);
    assertThat(written(out)).isEqualTo("VALUE k3 4294967295 5\r\n");
  }

  @Test
  void valueLineWithCas() {
    ByteBuf out = Unpooled.buffer();
    TextReplies.writeValueLine(out, new byte[] {'a'}, 0, 1, 0, 0, true, -1L);
    TextReplies.writeLineEnd(out);
    assertThat(written(out)).isEqualTo("VALUE a 0 0 18446744073709551615\r\n\r\n");
  }

  @Test
  void stats() {
    ByteBuf out = Unpooled.buffer();
    TextReplies.writeStat(out, "pid", 42);
    TextReplies.writeStat(out, "version", "1.6.18");
    assertThat(written(out)).isEqualTo("STAT pid 42\r\nSTAT version 1.6.18\r\n");
  }

  @Test
  void constants() {
    assertThat(new String(TextReplies.VERSION, StandardCharsets.US_ASCII)).isEqualTo("VERSION 1.6.18+larder.0.1.0\r\n");
    assertThat(new String(TextReplies.DELETE_USAGE, StandardCharsets.US_ASCII))
        .isEqualTo("CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]\r\n");
  }

  @Property
  void unsignedNumbersMatchTheJdk(@ForAll long value) {
    ByteBuf out = Unpooled.buffer(1);
    TextReplies.writeNumberLine(out, value);
    assertThat(written(out)).isEqualTo(Long.toUnsignedString(value) + "\r\n");
  }
}
