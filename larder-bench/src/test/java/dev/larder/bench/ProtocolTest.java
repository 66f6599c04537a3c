package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
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
