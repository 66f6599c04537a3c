package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextReplyDecoderTest {
  record Vector(String bytes, List<Reply> replies) {}

  static List<Vector> vectors() {
    return List.of(
        new Vector("VALUE key:1 0 5\r\nhello\r\nEND\r\n", List.of(Reply.HIT, Reply.END)),
        new Vector("VALUE key:1 0 2 77\r\n\r\n\r\nVALUE key:2 3 0\r\n\r\nEND\r\n",
            List.of(Reply.HIT, Reply.HIT, Reply.END)),
        new Vector("END\r\n", List.of(Reply.END)),
        new Vector("STORED\r\nNOT_STORED\r\nEXISTS\r\nNOT_FOUND\r\n",
            List.of(Reply.STORED, Reply.NOT_STORED, Reply.NOT_STORED, Reply.NOT_STORED)),
        new Vector("ERROR\r\nCLIENT_ERROR bad data chunk\r\nSERVER_ERROR out of memory storing object\r\n",
            List.of(Reply.ERROR, Reply.ERROR, Reply.ERROR)),
        new Vector("VA 5 f0\r\nhello\r\nVA 0\r\n\r\nEN\r\nMN\r\n",
            List.of(Reply.HIT, Reply.HIT, Reply.MISS, Reply.NO_OP)),
        new Vector("HD\r\nNS\r\nEX\r\nNF\r\n",
            List.of(Reply.STORED, Reply.NOT_STORED, Reply.NOT_STORED, Reply.NOT_STORED)),
        new Vector("VALUE k 0 5\r\nEND\r\n\r\nEND\r\n", List.of(Reply.HIT, Reply.END)));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesWholeBuffers(Vector vector) {
    ByteBuf in = bytes(vector.bytes());
    assertThat(decode(new TextReplyDecoder(), in)).isEqualTo(vector.replies());
    assertThat(in.isReadable()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesTheSameSplitAtEveryByte(Vector vector) {
    ReplyDecoding.assertSameAtEverySplit(TextReplyDecoder::new, ascii(vector.bytes()), vector.replies());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesTheSameOneByteAtATime(Vector vector) {
    ReplyDecoding.assertSameOneByteAtATime(new TextReplyDecoder(), ascii(vector.bytes()), vector.replies());
  }

  @Test
  void leavesAPartialLineForLater() {
    ByteBuf in = bytes("STORED\r\nSTOR");
    assertThat(decode(new TextReplyDecoder(), in)).containsExactly(Reply.STORED);
    assertThat(in.toString(StandardCharsets.US_ASCII)).isEqualTo("STOR");
  }

  @Test
  void rejectsWhatIsNotAReply() {
    assertThatThrownBy(() -> decode(new TextReplyDecoder(), bytes("HELLO\r\n")))
        .isInstanceOf(ReplyFormatException.class).hasMessage("unknown reply: HELLO");
    assertThatThrownBy(() -> decode(new TextReplyDecoder(), bytes("STORED\n")))
        .hasMessage("reply line not ended by \\r\\n: STORED");
    assertThatThrownBy(() -> decode(new TextReplyDecoder(), bytes("VALUE k 0 x\r\n")))
        .hasMessage("bad length in value line: VALUE k 0 x");
    assertThatThrownBy(() -> decode(new TextReplyDecoder(), bytes("VA\r\n")))
        .hasMessage("no length in value line: VA");
    assertThatThrownBy(() -> decode(new TextReplyDecoder(), bytes("VA 2\r\nabcd")))
        .hasMessage("value data not followed by \\r\\n");
    assertThatThrownBy(() -> decode(new TextReplyDecoder(), bytes("x".repeat(TextReplyDecoder.MAX_LINE_LENGTH + 1))))
        .hasMessage("reply line longer than 8192 bytes");
  }

  private static List<Reply> decode(TextReplyDecoder decoder, ByteBuf in) {
    List<Reply> replies = new ArrayList<>();
    decoder.decode(in, replies::add);
    return replies;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }
}
