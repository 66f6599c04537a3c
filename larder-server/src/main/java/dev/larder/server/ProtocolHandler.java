package dev.larder.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a protocol over one connection: gathers inbound bytes, decodes and executes every complete
 * request in order through its {@link ProtocolSession}, and sends the replies once per read burst:
 * straight to the socket ({@link DirectSend}) when nothing is queued ahead of them, else through the
 * channel. When the client reads replies slower than it sends requests, reading pauses until the
 * outbound queue drains, so neither direction buffers without bound.
 *
 * @param <R> the protocol's request type
 */
final class ProtocolHandler<R> extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ProtocolHandler.class);

  /** Replies are handed to the channel in chunks of about this size within one burst. */
  private static final int WRITE_CHUNK = 64 * 1024;
  /** A written reply buffer up to this size is kept for the connection's next burst. */
  private static final int MAX_KEPT_CAPACITY = 16 * 1024;

  private final ServerContext server;
  private final ClientConnection connection;
  private final ProtocolSession<R> session;
  /** The values of the session's replies; long ones are sent from engine memory after each request. */
  private final ReplyValues values;
  private ByteBuf inbound;
  private ByteBuf replies;
  /**
   * The last reply buffer handed to the channel, still referenced here: once the channel has written
   * and released it, it serves the next burst, which saves an allocation and a release per burst.
   */
  private ByteBuf written;
  /** Null where replies must go through the channel. */
  private DirectSend directSend;
  /** The channel's read buffers; null where the channel has others (reads then never land in {@link #inbound}). */
  private ReusedReadBuffer reads;
  /** What this connection holds of the server's {@link ValueReservations}: the long value it gathers, or 0. */
  private int reserved;
  private boolean closing;
  private boolean closeSent;
  /** The client shut down its sending side: the connection closes once every request is answered. */
  private boolean inputShutdown;

  ProtocolHandler(ServerContext server, ClientConnection connection, ProtocolSession<R> session,
      ReplyValues values) {
    this.server = server;
    this.connection = connection;
    this.session = session;
    this.values = values;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf data = (ByteBuf) msg;
    server.stats().bytesRead.add(data.readableBytes());
    if (closing) {
      data.release();
      return;
    }
    inbound = inbound == null ? data : cumulate(ctx, data);
    executeAvailable(ctx);
  }

  /** Adds a read's bytes to the inbound ones; a read that landed in their buffer is there already. */
  private ByteBuf cumulate(ChannelHandlerContext ctx, ByteBuf read) {
    if (reads != null && reads.landedInTarget(read)) {
      inbound.writerIndex(inbound.writerIndex() + read.readableBytes());
      read.release();
      return inbound;
    }
    return ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), inbound, read);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    flushReplies(ctx);
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
      executeAvailable(ctx);
      flushReplies(ctx);
      closeIfAnswered(ctx);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      closeIfAnswered(ctx);
    }
    ctx.fireUserEventTriggered(event);
  }

  /**
   * Once the client has shut down its sending side and every whole request it sent is carried out
   * (none waits for the client to take replies), closes the connection after the replies are written;
   * a request cut short by the shutdown is dropped, as memcached drops it.
   */
  private void closeIfAnswered(ChannelHandlerContext ctx) {
    if (inputShutdown && !closing && ctx.channel().config().isAutoRead() && !session.hasMore()) {
      closing = true;
      flushReplies(ctx);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    directSend = DirectSend.of(ctx);
    values.sendThrough(directSend);
    reads = ctx.channel().config().getRecvByteBufAllocator() instanceof ReusedReadBuffer r ? r : null;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    release();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    release();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("connection {}: {}", connection.id(), cause.toString()); // resets are routine
    } else {
      log.warn("connection {} closed after an unexpected error", connection.id(), cause);
    }
    ctx.close();
  }

  /**
   * Executes every complete request buffered (and every part of one handed over in parts), stopping
   * early if the client stops reading.
   */
  private void executeAvailable(ChannelHandlerContext ctx) {
    while (!closing && (inbound != null && inbound.isReadable() || session.hasMore())) {
      if (!ctx.channel().isWritable()) {
        ctx.channel().config().setAutoRead(false);
        break;
      }
      // A later part of a request is not a new one to log.
      boolean logged = server.verbosity() > 1 && !session.hasMore();
      R request = session.decode(inbound != null ? inbound : Unpooled.EMPTY_BUFFER);
      if (request == null) {
        break;
      }
      if (logged) {
        log.info("<{} {}", connection.id(), request.getClass().getSimpleName());
      }
      if (replies == null) {
        replies = replyBuffer(ctx);
      }
      values.pinInto(replies);
      closing = !session.execute(request, replies);
      if (values.pinnedAny()) {
        replies = values.send(replies, ctx.alloc(), server.stats());
      }
      if (closing && server.verbosity() > 0) {
        log.info(">{} closing after {}", connection.id(), request);
      }
      if (replies.readableBytes() >= WRITE_CHUNK) {
        writeReplies(ctx);
      }
    }
    session.release();
    readyForReads(ctx);
  }

  /**
   * Lets go of the inbound bytes consumed and, while a long value is awaited, makes room for all of it
   * in the inbound buffer and has the next reads land there ({@link ReusedReadBuffer#readInto}): its
   * bytes are then copied once on their way to the cache, not also out of a buffer per read and again
   * each time the inbound buffer grows. Like memcached, which allocates an item for the value its
   * command line declares, a connection then holds room for the value before all of it has arrived,
   * within the server's {@link ValueReservations}.
   */
  private void readyForReads(ChannelHandlerContext ctx) {
    if (reads != null) {
      reads.readInto(null);
    }
    if (inbound != null) {
      if (inbound.isReadable()) {
        inbound.discardSomeReadBytes();
      } else {
        inbound.release();
        inbound = null;
      }
    }
    int held = inbound == null ? 0 : inbound.readableBytes();
    int awaited = reads == null || closing ? 0 : session.longValueAwaited();
    reserve(awaited > held ? awaited : 0);
    if (reserved == 0) {
      return;
    }
    if (inbound == null || inbound.writableBytes() < awaited - held) {
      ByteBuf whole = ctx.alloc().ioBuffer(awaited);
      if (inbound != null) {
        whole.writeBytes(inbound);
        inbound.release();
      }
      inbound = whole;
    }
    reads.readInto(inbound);
  }

  /** Holds {@code bytes} of the server's reservations from now on (0: none), or none if they are not to be had. */
  private void reserve(int bytes) {
    if (bytes != reserved) {
      server.valueReservations().release(reserved);
      reserved = bytes > 0 && server.valueReservations().tryReserve(bytes) ? bytes : 0;
    }
  }

  /** The buffer written last if the channel is done with it, else a new one. */
  private ByteBuf replyBuffer(ChannelHandlerContext ctx) {
    ByteBuf reused = written;
    written = null;
    if (reused != null) {
      if (reused.refCnt() == 1) {
        return reused.clear();
      }
      reused.release(); // still queued: the channel frees it once sent
    }
    return ctx.alloc().ioBuffer();
  }

  /**
   * Sends the burst's replies on the socket itself when nothing is queued ahead of them; true when the
   * socket took them all, which leaves nothing to write or flush.
   */
  private boolean sendDirectly() {
    if (directSend == null || replies == null || !replies.isReadable()) {
      return false;
    }
    server.stats().bytesWritten.add(directSend.send(replies));
    if (replies.isReadable()) {
      return false; // the rest is queued in the channel
    }
    if (replies.capacity() <= MAX_KEPT_CAPACITY) {
      replies.clear(); // serves the next burst
    } else {
      replies.release();
      replies = null;
    }
    return true;
  }

  private void writeReplies(ChannelHandlerContext ctx) {
    if (replies != null && replies.isReadable()) {
      server.stats().bytesWritten.add(replies.readableBytes());
      if (written == null && replies.capacity() <= MAX_KEPT_CAPACITY) {
        written = replies.retain();
      }
      ctx.write(replies, ctx.voidPromise());
      replies = null;
    }
  }

  private void flushReplies(ChannelHandlerContext ctx) {
    if (!closing && sendDirectly()) {
      return;
    }
    writeReplies(ctx);
    if (closing && !closeSent) {
      closeSent = true;
      ctx.writeAndFlush(ctx.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.flush();
    }
  }

  private void release() {
    values.release();
    if (reads != null) {
      reads.readInto(null);
    }
    reserve(0);
    if (inbound != null) {
      inbound.release();
      inbound = null;
    }
    if (replies != null) {
      replies.release();
      replies = null;
    }
    if (written != null) {
      written.release();
      written = null;
    }
  }
}
