package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  private static final byte[] VALUE = "abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void textRequests() {
    assertThat(get(Protocol.TEXT, 7)).isEqualTo("get key:7\r\n");
    assertThat(get(Protocol.TEXT, 1, 22, 333)).isEqualTo("get key:1 key:22 key:333\r\n");
    assertThat(set(Protocol.TEXT, 42, 3)).isEqualTo("set key:42 0 0 3\r\nabc\r\n");
  }

  @Test
  void metaRequests() {
    assertThat(get(Protocol.META, 7)).isEqualTo("mg key:7 v\r\n");
    assertThat(get(Protocol.META, 1, 2)).isEqualTo("mg key:1 v q\r\nmg key:2 v q\r\nmn\r\n");
    assertThat(set(Protocol.META, 42, 0)).isEqualTo("ms key:42 0\r\n\r\n");
  }

  @Test
  void binaryRequests() {
    assertThat(hex(out -> Protocol.BINARY.writeGet(out, new long[] {7}, 1)))
        .isEqualTo("8000" + "0005" + "00" + "00" + "0000" + "00000005" + "00000000" + "0000000000000000"
            + hex("key:7"));
    assertThat(hex(out -> Protocol.BINARY.writeGet(out, new long[] {1, 22}, 2)))
        .isEqualTo("800d000500000000000000050000000000000000" + "00000000" + hex("key:1")
            + "800d000600000000000000060000000000000000" + "00000000" + hex("key:22")
            + "800a000000000000000000000000000000000000" + "00000000");
    assertThat(hex(out -> Protocol.BINARY.writeSet(out, 42, VALUE, 3)))
        .isEqualTo("8001" + "0006" + "08" + "00" + "0000" + "00000011" + "00000000" + "0000000000000000"
            + "00000000" + "00000000" + hex("key:42") + hex("abc"));
  }

  private static String hex(Consumer<ByteBuf> write) {
    ByteBuf out = Unpooled.buffer();
    write.accept(out);
    return ByteBufUtil.hexDump(out);
  }

  private static String hex(String ascii) {
    return ByteBufUtil.hexDump(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  private static String get(Protocol protocol, long... keys) {
    ByteBuf out = Unpooled.buffer();
    protocol.writeGet(out, keys, keys.length);
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static String set(Protocol protocol, long key, int size) {
    ByteBuf out = Unpooled.buffer();
    protocol.writeSet(out, key, VALUE, size);
    return out.toString(StandardCharsets.US_ASCII);
  }
}
