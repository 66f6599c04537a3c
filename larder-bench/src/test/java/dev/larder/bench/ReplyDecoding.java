package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Feeds a reply decoder bytes the way reads from a socket may split them. */
final class ReplyDecoding {
  private ReplyDecoding() {}

  /** Asserts that {@code bytes}, in two reads split at any byte, decode to {@code expected}, all consumed. */
  static void assertSameAtEverySplit(Supplier<ReplyDecoder> decoders, byte[] bytes, List<Reply> expected) {
    for (int split = 0; split <= bytes.length; split++) {
      ReplyDecoder decoder = decoders.get();
      ByteBuf in = Unpooled.buffer();
      List<Reply> replies = new ArrayList<>();
      in.writeBytes(bytes, 0, split);
      decoder.decode(in, replies::add);
      in.writeBytes(bytes, split, bytes.length - split);
      decoder.decode(in, replies::add);
      assertThat(replies).as("split at %d", split).isEqualTo(expected);
      assertThat(in.isReadable()).as("split at %d", split).isFalse();
    }
  }

  /** Asserts that {@code bytes}, read one at a time, decode to {@code expected}, all consumed. */
  static void assertSameOneByteAtATime(ReplyDecoder decoder, byte[] bytes, List<Reply> expected) {
    ByteBuf in = Unpooled.buffer();
    List<Reply> replies = new ArrayList<>();
    for (byte b : bytes) {
      in.writeByte(b);
      decoder.decode(in, replies::add);
    }
    assertThat(replies).isEqualTo(expected);
    assertThat(in.isReadable()).isFalse();
  }
}
