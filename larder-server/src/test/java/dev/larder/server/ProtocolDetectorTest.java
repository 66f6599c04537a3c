package dev.larder.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.storage.EngineConfig;
import dev.larder.storage.ReferenceEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The first byte of a connection picks its protocol, however the bytes are split. */
class ProtocolDetectorTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final byte[] BINARY_NOOP = ByteBufUtil.decodeHexDump(
      "800a0000" + "00000000" + "00000000" + "0000002a" + "0000000000000000");

  private final ServerContext server = new ServerContext(ServerConfig.defaults(),
      new ReferenceEngine(new EngineConfig(64L << 20, 1 << 20, true, () -> NOW)), () -> NOW, () -> {});

  private EmbeddedChannel channel() {
    ClientConnection connection = new ClientConnection(1, new InetSocketAddress("127.0.0.1", 40000), NOW);
    return new EmbeddedChannel(new ProtocolDetector(server, connection));
  }

  private static String outbound(EmbeddedChannel channel) {
    StringBuilder hex = new StringBuilder();
    ByteBuf reply;
    while ((reply = channel.readOutbound()) != null) {
      hex.append(ByteBufUtil.hexDump(reply));
      reply.release();
    }
    return hex.toString();
  }

  @Test
  void theRequestMagicStartsTheBinaryProtocol() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.wrappedBuffer(BINARY_NOOP, 0, 1));
    channel.writeInbound(Unpooled.wrappedBuffer(BINARY_NOOP, 1, BINARY_NOOP.length - 1));
    assertThat(outbound(channel)).isEqualTo("810a0000" + "00000000" + "00000000" + "0000002a" + "0000000000000000");
    assertThat(channel.pipeline().get("protocol")).isInstanceOf(ProtocolHandler.class);
  }

  @Test
  void anythingElseStartsTheTextProtocol() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.copiedBuffer("mn\r\nversion\r\n", StandardCharsets.US_ASCII));
    String reply = new String(ByteBufUtil.decodeHexDump(outbound(channel)), StandardCharsets.US_ASCII);
    assertThat(reply).startsWith("MN\r\nVERSION ");
  }

  @Test
  void aBinaryConnectionStaysBinary() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.wrappedBuffer(BINARY_NOOP));
    outbound(channel);
    channel.writeInbound(Unpooled.copiedBuffer("version\r\n" + "x".repeat(15), StandardCharsets.US_ASCII));
    assertThat(outbound(channel)).isEmpty(); // not a request magic: closed without a word
    assertThat(channel.isOpen()).isFalse();
  }
}
