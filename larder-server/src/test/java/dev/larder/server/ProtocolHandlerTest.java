package dev.larder.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.storage.EngineConfig;
import dev.larder.storage.ReferenceEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
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
  private final ProtocolSession<String> session = new RecordingSession() {
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
    void reply(String request, ByteBuf replies) {
      replies.writeCharSequence("ok\n", StandardCharsets.US_ASCII);
    }
  };

  @Test
  void releasesTheDecoderOnceTheRequestsOfEachReadAreCarriedOut() {
    ClientConnection connection = new ClientConnection(1, new InetSocketAddress("127.0.0.1", 40000), NOW);
    EmbeddedChannel channel =
        new EmbeddedChannel(new ProtocolHandler<>(server, connection, session, new ReplyValues()));
    channel.writeInbound(Unpooled.copiedBuffer("a\nb\nc", StandardCharsets.US_ASCII));
    assertThat(calls).containsExactly("execute a", "execute b", "release");
    channel.writeInbound(Unpooled.copiedBuffer("\n", StandardCharsets.US_ASCII));
    assertThat(calls).endsWith("execute c", "release");
    ByteBuf reply = channel.readOutbound();
    assertThat(reply.toString(StandardCharsets.US_ASCII)).isEqualTo("ok\nok\n");
    reply.release();
    channel.finishAndReleaseAll();
  }

  /**
   * A request handed over in parts, each with more reply than the channel takes before it is
   * unwritable: every part is carried out, with no more input, as the replies drain.
   */
  @Test
  void theRestOfARequestInPartsIsCarriedOutAsTheRepliesDrain() {
    int[] partsLeft = {0};
    ProtocolSession<String> parts = new RecordingSession() {
      @Override
      public String decode(ByteBuf in) {
        if (partsLeft[0] > 0) {
          return "part " + (3 - partsLeft[0]--);
        }
        String request = session.decode(in);
        partsLeft[0] = request == null ? 0 : 2;
        return request == null ? null : "part 0";
      }

      @Override
      public boolean hasMore() {
        return partsLeft[0] > 0;
      }

      @Override
      void reply(String request, ByteBuf replies) {
        replies.writeCharSequence(request + "\n", StandardCharsets.US_ASCII);
        replies.writeZero(100_000);
      }
    };
    ClientConnection connection = new ClientConnection(1, new InetSocketAddress("127.0.0.1", 40000), NOW);
    EmbeddedChannel channel =
        new EmbeddedChannel(new ProtocolHandler<>(server, connection, parts, new ReplyValues()));
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024, 2048));
    channel.writeInbound(Unpooled.copiedBuffer("many\n", StandardCharsets.US_ASCII));
    assertThat(calls).containsSubsequence("execute part 0", "execute part 1", "execute part 2");
    StringBuilder replies = new StringBuilder();
    for (ByteBuf reply; (reply = channel.readOutbound()) != null; reply.release()) {
      replies.append(reply.toString(StandardCharsets.US_ASCII).replace("\0", ""));
    }
    assertThat(replies).hasToString("part 0\npart 1\npart 2\n");
    channel.finishAndReleaseAll();
  }

  /**
   * A long value's rest is read straight into the inbound buffer, made room for all of it, when the
   * server's reservations allow, and gathered as it comes when they do not; the request is whole
   * either way, and the reservation is given back.
   */
  @Test
  void theRestOfALongValueLandsInTheInboundBufferWithinTheReservations() {
    for (boolean reservationsTaken : new boolean[] {false, true}) {
      if (reservationsTaken) {
        assertThat(server.valueReservations().tryReserve(ValueReservations.LIMIT)).isTrue();
      }
      calls.clear();
      ReusedReadBuffer reads = new ReusedReadBuffer();
      EmbeddedChannel channel = new EmbeddedChannel();
      channel.config().setRecvByteBufAllocator(reads);
      ClientConnection connection = new ClientConnection(1, new InetSocketAddress("127.0.0.1", 40000), NOW);
      channel.pipeline().addLast(new ProtocolHandler<>(server, connection, new BlockSession(), new ReplyValues()));

      channel.writeInbound(Unpooled.copiedBuffer("5000\n" + "a".repeat(100), StandardCharsets.US_ASCII));
      ByteBuf read = reads.newHandle().allocate(channel.alloc());
      assertThat(reads.landedInTarget(read)).as("a read into the inbound buffer").isEqualTo(!reservationsTaken);
      read.writeCharSequence("b".repeat(4900), StandardCharsets.US_ASCII);
      channel.writeInbound(read);

      assertThat(calls).filteredOn(call -> call.startsWith("execute"))
          .containsExactly("execute " + "a".repeat(100) + "b".repeat(4900));
      channel.finishAndReleaseAll();
      reads.release();
      if (reservationsTaken) {
        server.valueReservations().release(ValueReservations.LIMIT);
      }
      assertThat(server.valueReservations().tryReserve(ValueReservations.LIMIT)).as("all given back").isTrue();
      server.valueReservations().release(ValueReservations.LIMIT);
    }
  }

  /** A connection that closes while it gathers a long value gives its reservation back. */
  @Test
  void aConnectionClosedWhileItGathersALongValueGivesItsReservationBack() {
    ReusedReadBuffer reads = new ReusedReadBuffer();
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setRecvByteBufAllocator(reads);
    ClientConnection connection = new ClientConnection(1, new InetSocketAddress("127.0.0.1", 40000), NOW);
    channel.pipeline().addLast(new ProtocolHandler<>(server, connection, new BlockSession(), new ReplyValues()));
    channel.writeInbound(Unpooled.copiedBuffer("5000\n", StandardCharsets.US_ASCII));
    assertThat(server.valueReservations().tryReserve(ValueReservations.LIMIT)).as("held while gathering").isFalse();

    channel.close();

    assertThat(server.valueReservations().tryReserve(ValueReservations.LIMIT)).as("given back").isTrue();
    server.valueReservations().release(ValueReservations.LIMIT);
    reads.release();
  }

  /** A session that records what it carries out and when it is released; it has no parts and no long values. */
  private abstract class RecordingSession implements ProtocolSession<String> {
    @Override
    public boolean hasMore() {
      return false;
    }

    @Override
    public int longValueAwaited() {
      return 0;
    }

    @Override
    public boolean execute(String request, ByteBuf replies) {
      calls.add("execute " + request);
      reply(request, replies);
      return true;
    }

    /** Writes the reply to {@code request}; none by default. */
    void reply(String request, ByteBuf replies) {}

    @Override
    public void release() {
      calls.add("release");
    }
  }

  /** Requests of a decimal length on a line of its own and then that many bytes, which are long values. */
  private final class BlockSession extends RecordingSession {
    private int awaited = -1;

    @Override
    public String decode(ByteBuf in) {
      if (awaited < 0) {
        int newline = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (newline < 0) {
          return null;
        }
        String length = in.readCharSequence(newline - in.readerIndex(), StandardCharsets.US_ASCII).toString();
        awaited = Integer.parseInt(length);
        in.skipBytes(1);
      }
      if (in.readableBytes() < awaited) {
        return null;
      }
      String block = in.readCharSequence(awaited, StandardCharsets.US_ASCII).toString();
      awaited = -1;
      return block;
    }

    @Override
    public int longValueAwaited() {
      return Math.max(awaited, 0);
    }
  }
}
