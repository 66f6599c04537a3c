package dev.larder.protocol.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.binary.BinaryRequest.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Response packets byte for byte, as memcached 1.6.18 sends them for the same requests. */
class BinaryRepliesTest {
  private static final Header GETK = new Header(0x0c, 0x01020304, 0);

  private static String hex(ByteBuf out) {
    return ByteBufUtil.hexDump(out);
  }

  /** {@code text[offset..offset + length)} as a range of a larger array, as a decoder hands keys over. */
  private static ByteRange range(String text, int offset, int length) {
    ByteRange range = new ByteRange();
    range.set(text.getBytes(StandardCharsets.US_ASCII), offset, length);
    return range;
  }

  @Test
  void aGetkHitCarriesFlagsAndKeyAndCountsTheValueThatFollows() {
    ByteBuf out = Unpooled.buffer();
    BinaryReplies.writeItem(out, GETK, 5, 0xAABBCCDD, range("xkx", 1, 1), 2);
    assertThat(hex(out)).isEqualTo("810c0001" + "04000000" + "00000007" + "01020304" + "0000000000000005"
        + "aabbccdd" + "6b");
  }

  @Test
  void anErrorCarriesMemcachedsText() {
    ByteBuf out = Unpooled.buffer();
    BinaryReplies.writeError(out, new Header(0x00, 9, 77), BinaryStatus.KEY_NOT_FOUND);
    assertThat(hex(out)).isEqualTo("81000000" + "00000001" + "00000009" + "00000009" + "0000000000000000"
        + ByteBufUtil.hexDump("Not found".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aGetkMissCarriesTheKeyAndNoText() {
    ByteBuf out = Unpooled.buffer();
    BinaryReplies.writeKeyMiss(out, GETK, range("xkx", 1, 1));
    assertThat(hex(out)).isEqualTo("810c0001" + "00000001" + "00000001" + "01020304" + "0000000000000000" + "6b");
  }

  @Test
  void incrementsAnswerAnEightByteNumber() {
    ByteBuf out = Unpooled.buffer();
    BinaryReplies.writeNumber(out, new Header(0x05, 0, 0), 3, -1);
    assertThat(hex(out)).isEqualTo("81050000" + "00000000" + "00000008" + "00000000" + "0000000000000003"
        + "ffffffffffffffff");
  }

  @Test
  void aStatIsANameAndAValueAndAnEmptyOneEndsTheList() {
    ByteBuf out = Unpooled.buffer();
    BinaryReplies.writeStat(out, new Header(0x10, 1, 0), "pid", "42");
    BinaryReplies.writeStat(out, new Header(0x10, 1, 0), "", "");
    assertThat(hex(out)).isEqualTo("81100003" + "00000000" + "00000005" + "00000001" + "0000000000000000" + "706964" + "3432"
        + "81100000" + "00000000" + "00000000" + "00000001" + "0000000000000000");
  }
}
