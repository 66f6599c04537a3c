package dev.larder.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.unix.IovArray;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.nio.channels.NotYetConnectedException;
import java.util.Map;

/**
 * Sends a connection's replies with one {@code send(2)} on its socket, as memcached replies, when
 * nothing is queued in the channel ahead of them. Netty's outbound queue costs, per reply, an entry,
 * two atomic updates of the pending byte count, a reference count round trip and two walks of the
 * pipeline: in W1 (one small reply per read) about a tenth of the event loops' user time. Bytes the
 * socket does not take stay in the buffer, for the caller to queue in the channel as usual. A reply
 * with long values in engine memory goes out in one {@code writev(2)} instead ({@link ReplyValues}).
 *
 * <p>Only for a native transport whose pipeline has no outbound handler ahead of the caller's: such a
 * handler (TLS, say) must see every byte, so then {@link #of} gives none.
 */
final class DirectSend {
  private final Channel channel;
  private final Socket socket;

  private DirectSend(Channel channel, Socket socket) {
    this.channel = channel;
    this.socket = socket;
  }

  /** The direct route for the handler of {@code ctx}, or null where replies must go through the channel. */
  static DirectSend of(ChannelHandlerContext ctx) {
    if (!(ctx.channel() instanceof UnixChannel unix && unix.fd() instanceof Socket socket)) {
      return null;
    }
    for (Map.Entry<String, ChannelHandler> entry : ctx.pipeline()) {
      if (entry.getValue() == ctx.handler()) {
        return new DirectSend(ctx.channel(), socket);
      }
      if (entry.getValue() instanceof ChannelOutboundHandler) {
        return null;
      }
    }
    return null;
  }

  /**
   * Sends as many of {@code buffer}'s readable bytes as the socket takes now and skips them; returns
   * how many. Sends nothing while the channel has bytes queued (they go first), or when the send fails:
   * the channel's own write of the same bytes then meets the error and reports it.
   */
  int send(ByteBuf buffer) {
    if (!nothingQueued() || !buffer.hasMemoryAddress()) {
      return 0;
    }
    try {
      int sent = socket.sendAddress(buffer.memoryAddress(), buffer.readerIndex(), buffer.writerIndex());
      buffer.skipBytes(sent);
      return sent;
    } catch (IOException | NotYetConnectedException e) {
      return 0;
    }
  }

  /** As {@link #send}, for the memory that {@code iov}'s vectors point at, in their order. */
  long sendAll(IovArray iov) {
    if (!nothingQueued()) {
      return 0;
    }
    try {
      return socket.writevAddresses(iov.memoryAddress(0), iov.count());
    } catch (IOException | NotYetConnectedException e) {
      return 0;
    }
  }

  private boolean nothingQueued() {
    ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
    return queued != null && queued.totalPendingWriteBytes() == 0;
  }
}
