package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.protocol.binary.BinaryOpcodes;
import dev.larder.protocol.binary.BinaryStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryReplyDecoderTest {
  record Vector(String name, byte[] bytes, List<Reply> replies) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Vector> vectors() {
    return List.of(
        new Vector("get hit, then miss",
            concat(response(BinaryOpcodes.GET, BinaryStatus.SUCCESS, 4, "", "hello"),
                response(BinaryOpcodes.GET, BinaryStatus.KEY_NOT_FOUND, 0, "", "Not found")),
            List.of(Reply.HIT, Reply.MISS)),
        new Vector("quiet multi-get: two hits and the noop",
            concat(response(BinaryOpcodes.GETKQ, BinaryStatus.SUCCESS, 4, "key:1", "a"),
                response(BinaryOpcodes.GETKQ, BinaryStatus.SUCCESS, 4, "key:3", ""),
                response(BinaryOpcodes.NOOP, BinaryStatus.SUCCESS, 0, "", "")),
            List.of(Reply.HIT, Reply.HIT, Reply.NO_OP)),
        new Vector("sets: stored, exists, not stored, too large, out of memory",
            concat(response(BinaryOpcodes.SET, BinaryStatus.SUCCESS, 0, "", ""),
                response(BinaryOpcodes.SET, BinaryStatus.KEY_EXISTS, 0, "", "Data exists for key."),
                response(BinaryOpcodes.SET, BinaryStatus.NOT_STORED, 0, "", "Not stored."),
                response(BinaryOpcodes.SET, BinaryStatus.TOO_LARGE, 0, "", "Too large."),
                response(BinaryOpcodes.SET, BinaryStatus.OUT_OF_MEMORY, 0, "", "Out of memory")),
            List.of(Reply.STORED, Reply.NOT_STORED, Reply.NOT_STORED, Reply.ERROR, Reply.ERROR)));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesTheSameSplitAtEveryByte(Vector vector) {
    ReplyDecoding.assertSameAtEverySplit(BinaryReplyDecoder::new, vector.bytes(), vector.replies());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesTheSameOneByteAtATime(Vector vector) {
    ReplyDecoding.assertSameOneByteAtATime(new BinaryReplyDecoder(), vector.bytes(), vector.replies());
  }

  @Test
  void rejectsWhatIsNotAResponseToTheBenchsRequests() {
    byte[] request = response(BinaryOpcodes.GET, 0, 0, "", "");
    request[0] = (byte) 0x80;
    assertThatThrownBy(() -> decode(request))
        .isInstanceOf(ReplyFormatException.class).hasMessage("response magic 0x80 (expected: 0x81)");
    assertThatThrownBy(() -> decode(response(BinaryOpcodes.DELETE, 0, 0, "", "")))
        .isInstanceOf(ReplyFormatException.class).hasMessage("response to opcode 0x04");
    assertThatThrownBy(() -> decode("END\r\n".repeat(5).getBytes(StandardCharsets.US_ASCII)))
        .hasMessage("response magic 0x45 (expected: 0x81)");
  }

  private static List<Reply> decode(byte[] bytes) {
    List<Reply> replies = new ArrayList<>();
    new BinaryReplyDecoder().decode(Unpooled.wrappedBuffer(bytes), replies::add);
    return replies;
  }

  /** A response as memcached writes it, with {@code extras} zero bytes before the key and value. */
  private static byte[] response(int opcode, int status, int extras, String key, String value) {
    byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
    byte[] valueBytes = value.getBytes(StandardCharsets.US_ASCII);
    ByteBuf out = Unpooled.buffer()
        .writeByte(0x81).writeByte(opcode).writeShort(keyBytes.length).writeByte(extras).writeByte(0)
        .writeShort(status).writeInt(extras + keyBytes.length + valueBytes.length).writeInt(0).writeLong(7)
        .writeZero(extras).writeBytes(keyBytes).writeBytes(valueBytes);
    return ByteBufUtil.getBytes(out);
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuf all = Unpooled.buffer();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return ByteBufUtil.getBytes(all);
  }
}
