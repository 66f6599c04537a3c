package dev.larder.protocol.text;

import static dev.larder.protocol.text.DecoderHarness.MAX_VALUE;
import static dev.larder.protocol.text.DecoderHarness.assertRepliesDecode;
import static dev.larder.protocol.text.DecoderHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.protocol.text.TextResponse.Error;
import dev.larder.protocol.text.TextResponse.ErrorKind;
import dev.larder.protocol.text.TextResponse.Meta;
import dev.larder.protocol.text.TextResponse.MetaCode;
import dev.larder.protocol.text.TextResponse.Number;
import dev.larder.protocol.text.TextResponse.Stat;
import dev.larder.protocol.text.TextResponse.Status;
import dev.larder.protocol.text.TextResponse.Value;
import dev.larder.protocol.text.TextResponse.Version;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextResponseDecoderTest {

  @Nested
  class Values {
    @Test
    void valueThenEnd() {
      assertRepliesDecode("VALUE k 5 3\r\nabc\r\nEND\r\n",
          new Value(bytes("k"), 5, bytes("abc"), 0, false), Status.END);
    }

    @Test
    void valueWithCas() {
      assertRepliesDecode("VALUE key 0 2 18446744073709551615\r\nhi\r\nEND\r\n",
          new Value(bytes("key"), 0, bytes("hi"), -1L, true), Status.END);
    }

    @Test
    void flagsAreUnsigned32() {
      assertRepliesDecode("VALUE k 4294967295 0\r\n\r\n", new Value(bytes("k"), -1, new byte[0], 0, false));
    }

    @Test
    void dataMayHoldLineEnds() {
      assertRepliesDecode("VALUE k 0 4\r\n\r\n\r\n\r\n",
          new Value(bytes("k"), 0, bytes("\r\n\r\n"), 0, false));
    }

    @Test
    void severalValuesInOneBuffer() {
      assertRepliesDecode("VALUE a 1 1\r\nx\r\nVALUE b 2 2\r\nyz\r\nEND\r\nSTORED\r\n",
          new Value(bytes("a"), 1, bytes("x"), 0, false),
          new Value(bytes("b"), 2, bytes("yz"), 0, false),
          Status.END,
          Status.STORED);
    }

    @Test
    void bareNewlinesEndLines() {
      assertRepliesDecode("VALUE a 0 1\nx\r\nEND\n", new Value(bytes("a"), 0, bytes("x"), 0, false), Status.END);
    }

    @Test
    void aDataBlockWithoutCrLfIsRefused() {
      assertMalformed("VALUE a 0 1\r\nxyz\r\n");
    }

    @Test
    void aValueOverTheLimitIsRefusedBeforeItsDataArrives() {
      assertMalformed("VALUE a 0 " + (MAX_VALUE + 1) + "\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VALUE a 0\r\n", "VALUE a x 1\r\n", "VALUE a 0 -1\r\n", "VALUE a 4294967296 1\r\n",
        "VALUE a 0 1 2 3\r\n", "VALUE a 0 1 c\r\n"})
    void badValueLinesAreRefused(String line) {
      assertMalformed(line);
    }
  }

  @Nested
  class OneLineReplies {
    @ParameterizedTest
    @EnumSource(Status.class)
    void everyStatusWord(Status status) {
      assertRepliesDecode(status.name() + "\r\n", status);
    }

    @Test
    void numbers() {
      assertRepliesDecode("0\r\n18446744073709551615\r\n42\r\n", new Number(0), new Number(-1L), new Number(42));
    }

    @Test
    void version() {
      assertRepliesDecode("VERSION 1.6.18\r\n", new Version("1.6.18"));
    }

    @Test
    void errors() {
      assertRepliesDecode("ERROR\r\nCLIENT_ERROR bad data chunk\r\nSERVER_ERROR object too large for cache\r\n",
          new Error(ErrorKind.ERROR, ""),
          new Error(ErrorKind.CLIENT_ERROR, "bad data chunk"),
          new Error(ErrorKind.SERVER_ERROR, "object too large for cache"));
    }

    @Test
    void stats() {
      assertRepliesDecode("STAT pid 42\r\nSTAT version 1.6.18\r\nSTAT empty \r\nSTAT spaced a b\r\nEND\r\n",
          new Stat("pid", "42"), new Stat("version", "1.6.18"), new Stat("empty", ""), new Stat("spaced", "a b"),
          Status.END);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "HELLO\r\n", "STORED now\r\n", "stored\r\n", "12x\r\n", "STAT\r\n",
        "18446744073709551616\r\n"})
    void anythingElseIsRefused(String line) {
      assertMalformed(line);
    }
  }

  /** Meta replies, as memcached 1.6.18 sent them in PROTOCOL.md's lease example. */
  @Nested
  class MetaReplies {
    private static final byte[] NONE = new byte[0];

    @Test
    void aVivifiedMissWins() {
      assertRepliesDecode("VA 0 f0 c2 W\r\n\r\n", new Meta(MetaCode.VA, NONE, 0, 2, true, false, false));
    }

    @Test
    void aStaleValueAfterAWinWasSent() {
      assertRepliesDecode("VA 2 f16 c8 Z X\r\nhi\r\n", new Meta(MetaCode.VA, bytes("hi"), 16, 8, false, true, true));
    }

    @Test
    void flagsAndCasAreUnsigned() {
      assertRepliesDecode("VA 1 c18446744073709551615 f4294967295 X W\r\n\n\r\n",
          new Meta(MetaCode.VA, bytes("\n"), -1, -1L, true, true, false));
    }

    @Test
    void otherReturnFlagsAreSkipped() {
      assertRepliesDecode("VA 2 s2 t-1 kfoo Oopaque h1 l5 b c3\r\nhi\r\nHD c4 kfoo\r\n",
          new Meta(MetaCode.VA, bytes("hi"), 0, 3, false, false, false),
          new Meta(MetaCode.HD, NONE, 0, 4, false, false, false));
    }

    @Test
    void codesWithoutValues() {
      assertRepliesDecode("HD\r\nEN\r\nNF\r\nNS\r\nEX\r\nMN\r\n",
          new Meta(MetaCode.HD, NONE, 0, 0, false, false, false),
          new Meta(MetaCode.EN, NONE, 0, 0, false, false, false),
          new Meta(MetaCode.NF, NONE, 0, 0, false, false, false),
          new Meta(MetaCode.NS, NONE, 0, 0, false, false, false),
          new Meta(MetaCode.EX, NONE, 0, 0, false, false, false),
          new Meta(MetaCode.MN, NONE, 0, 0, false, false, false));
    }

    @Test
    void metaAndTextRepliesInterleave() {
      assertRepliesDecode("VALUE a 1 1\r\nx\r\nEND\r\nVA 3 c1\r\nabc\r\nSTORED\r\nMN\r\n",
          new Value(bytes("a"), 1, bytes("x"), 0, false),
          Status.END,
          new Meta(MetaCode.VA, bytes("abc"), 0, 1, false, false, false),
          Status.STORED,
          new Meta(MetaCode.MN, NONE, 0, 0, false, false, false));
    }

    @Test
    void aVaDataBlockWithoutCrLfIsRefused() {
      assertMalformed("VA 1 c1\r\nxyz\r\n");
    }

    @Test
    void aVaOverTheLimitIsRefusedBeforeItsDataArrives() {
      assertMalformed("VA " + (MAX_VALUE + 1) + " c1\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VA\r\n", "VA x\r\n", "VA -1\r\n", "VA 18446744073709551615\r\n", "VA 1 c\r\n",
        "VA 1 cx\r\n", "HD f4294967296\r\n", "HD 5\r\n", "HD -\r\n", "va 1\r\n", "hd\r\n"})
    void badMetaLinesAreRefused(String line) {
      assertMalformed(line);
    }
  }

  @Nested
  class Limits {
    @Test
    void aLineAtTheLimitIsRead() {
      String message = "m".repeat(TextResponseDecoder.MAX_LINE - "SERVER_ERROR \r".length());
      assertThat(decodeOne(bytes("SERVER_ERROR " + message + "\r\n")))
          .isEqualTo(new Error(ErrorKind.SERVER_ERROR, message));
    }

    @Test
    void garbageWithoutNewlineIsRefusedOnceOverTheLimit() {
      TextResponseDecoder decoder = new TextResponseDecoder(MAX_VALUE);
      ByteBuf in = Unpooled.buffer();
      in.writeBytes(new byte[TextResponseDecoder.MAX_LINE]);
      assertThat(decoder.decode(in)).isNull();
      in.writeByte('x');
      assertThatThrownBy(() -> decoder.decode(in))
          .isInstanceOf(MalformedReplyException.class)
          .hasMessageContaining("expected: <= " + TextResponseDecoder.MAX_LINE);
    }

    /** The decoder reuses one line buffer: a long line must not leave bytes behind for a short one. */
    @Test
    void aShortLineAfterALongOneIsReadAlone() {
      String message = "m".repeat(500);
      assertRepliesDecode("SERVER_ERROR " + message + "\r\nEND\r\n12\r\nSTAT a b\r\n",
          new Error(ErrorKind.SERVER_ERROR, message), Status.END, new Number(12), new Stat("a", "b"));
    }

    @Test
    void anOverlongTerminatedLineIsRefused() {
      assertMalformed("STAT x " + "v".repeat(TextResponseDecoder.MAX_LINE) + "\r\n");
    }

    @Test
    void theValueLimitIsChecked() {
      assertThatThrownBy(() -> new TextResponseDecoder(-1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("maxValueBytes: -1 (expected: ");
    }
  }

  private static TextResponse decodeOne(byte[] wire) {
    ByteBuf in = Unpooled.wrappedBuffer(wire);
    TextResponse response = new TextResponseDecoder(MAX_VALUE).decode(in);
    assertThat(in.readableBytes()).as("leftover bytes").isZero();
    return response;
  }

  /** The bytes are refused however they arrive: whole, or one byte at a time. */
  private static void assertMalformed(String wire) {
    byte[] bytes = bytes(wire);
    assertThatThrownBy(() -> decodeOne(bytes)).isInstanceOf(MalformedReplyException.class);
    assertThatThrownBy(() -> {
      TextResponseDecoder decoder = new TextResponseDecoder(MAX_VALUE);
      ByteBuf in = Unpooled.buffer();
      for (byte b : bytes) {
        in.writeByte(b);
        while (decoder.decode(in) != null) {
          // keep decoding
        }
      }
    }).isInstanceOf(MalformedReplyException.class);
  }
}
