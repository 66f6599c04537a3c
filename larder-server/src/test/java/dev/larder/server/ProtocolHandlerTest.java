package dev.larder.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.storage.EngineConfig;
import dev.larder.storage.ReferenceEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the handler drives a protocol session: what it calls, in which order. */
class ProtocolHandlerTest {
  private static final long NOW = 1_700_000_000_000L;

  private final ServerContext server = new ServerContext(ServerConfig.defaults(),
      new ReferenceEngine(new EngineConfig(64L << 20, 1 << 20, true, () -> NOW)), () -> NOW, () -> {});
  private final List<String> calls = new ArrayList<>();

  /** A session of newline-ended requests that records its calls and answers each with "ok". */
  private final ProtocolSession<String> session = new ProtocolSession<>() {
    @Override
    public String decode(ByteBuf in) {
      int newline = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
      if (newline < 0) {
        return null;
      }
      String request = in.readCharSequence(newline - in.readerIndex(), StandardCharsets.US_ASCII).toString();
      in.skipBytes(1);
      return request;
    }

    @Override
    public boolean hasMore() {
      return false;
    }

    @Override
    public boolean execute(String request, ByteBuf replies) {
      calls.add("execute " + request);
      replies.writeCharSequence("ok\n", StandardCharsets.US_ASCII);
      return true;
    }

    @Override
    public void release() {
      calls.add("release");
    }
  };

  @Test
  void releasesTheDecoderOnceTheRequestsOfEachReadAreCarriedOut() {
    ClientConnection connection = new ClientConnection(1, new InetSocketAddress("127.0.0.1", 40000), NOW);
    EmbeddedChannel channel = new EmbeddedChannel(new ProtocolHandler<>(server, connection, session));
    channel.writeInbound(Unpooled.copiedBuffer("a\nb\nc", StandardCharsets.US_ASCII));
    assertThat(calls).containsExactly("execute a", "execute b", "release");
    channel.writeInbound(Unpooled.copiedBuffer("\n", StandardCharsets.US_ASCII));
    assertThat(calls).endsWith("execute c", "release");
    ByteBuf reply = channel.readOutbound();
    assertThat(reply.toString(StandardCharsets.US_ASCII)).isEqualTo("ok\nok\n");
    reply.release();
    channel.finishAndReleaseAll();
  }
}
