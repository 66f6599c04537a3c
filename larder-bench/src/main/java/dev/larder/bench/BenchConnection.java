package dev.larder.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import java.util.List;

/**
 * One connection's load: sends what its {@link Workload} chooses when its {@link Pacer} allows,
 * decodes the replies in order and records them. Everything runs on the channel's event loop; the
 * requests written during one read burst go out in one flush.
 */
final class BenchConnection extends ByteToMessageDecoder implements ReplyListener {
  private final String server;
  private final Protocol protocol;
  private final Workload workload;
  private final ValueSizes valueSizes;
  private final byte[] valueBytes;
  private final RunControl control;
  private final BenchStats stats;
  private final long[] keys;
  private final ReplyDecoder decoder;
  private final ReplyTracker reply = new ReplyTracker();
  private ChannelHandlerContext context;
  private Pacer pacer;
  private ByteBuf unflushed;
  private boolean following;
  private boolean done;

  /**
   * @param server the server's address, for messages
   * @param multiget keys per get
   * @param valueBytes at least {@code valueSizes.max()} bytes; only read
   */
  BenchConnection(String server, Protocol protocol, Workload workload, int multiget,
      ValueSizes valueSizes, byte[] valueBytes, RunControl control, BenchStats stats) {
    this.server = server;
    this.protocol = protocol;
    this.decoder = protocol.newDecoder();
    this.workload = workload;
    this.keys = new long[multiget];
    this.valueSizes = valueSizes;
    this.valueBytes = valueBytes;
    this.control = control;
    this.stats = stats;
  }

  /** Starts sending as fast as replies come (a closed loop), from any thread. */
  void startClosedLoop(int pipeline) {
    context.executor().execute(() -> startOnLoop(pipeline, 0, 0));
  }

  /**
   * Starts sending on the connection's event loop, with request 0 intended at {@code start} at a
   * fixed rate; then whoever paces the connection calls {@link #sendDue} at its intended times.
   */
  void startOnLoop(int pipeline, long start, long interval) {
    pacer = new Pacer(pipeline, start, interval);
    sendDue();
  }

  /** Tells the connection, from any thread, to finish once {@link RunControl#stopping} is set. */
  void stopWhenIdle() {
    context.executor().execute(this::finishIfIdle);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    decoder.decode(in, this);
  }

  @Override
  public void onReply(Reply next) {
    if (pacer == null || pacer.inFlight() == 0) {
      throw new ReplyFormatException("reply " + next + " with no request in flight");
    }
    if (!following) {
      followOldest();
    }
    if (reply.accept(next)) {
      long intendedTime = pacer.completed();
      if (control.measures(intendedTime)) {
        stats.record(reply, System.nanoTime() - intendedTime);
      } else {
        stats.recordUnmeasured();
      }
      following = false;
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    super.channelReadComplete(ctx);
    sendDue();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (!done) {
      control.fail("the connection to " + server + " was closed by the server");
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause.getCause() instanceof ReplyFormatException outOfStep) {
      control.fail(server + " sent a reply the bench cannot follow: " + outOfStep.getMessage());
    } else if (cause instanceof IOException lost) {
      control.fail("the connection to " + server + " failed: " + lost.getMessage());
    } else {
      control.fail(server + ": " + cause);
    }
    done = true;
    ctx.close();
  }

  /** Sends every request that is due and may go, flushes them, and finishes when idle; loop only. */
  void sendDue() {
    if (pacer == null || done) {
      return;
    }
    long now = System.nanoTime();
    while (!control.stopping() && workload.hasNext()) {
      long sendTime = pacer.nextSendTime(now);
      if (sendTime > now || control.measures(sendTime) && !control.tryAcquireRequest()) {
        break;
      }
      boolean set = workload.nextIsSet(keys);
      write(set);
      pacer.sent(now, set);
    }
    if (unflushed != null) {
      context.writeAndFlush(unflushed, context.voidPromise());
      unflushed = null;
    }
    finishIfIdle();
  }

  private void write(boolean set) {
    if (unflushed == null) {
      unflushed = context.alloc().ioBuffer();
    }
    if (set) {
      protocol.writeSet(unflushed, keys[0], valueBytes, valueSizes.sizeOf(keys[0]));
    } else {
      protocol.writeGet(unflushed, keys, keys.length);
    }
  }

  private void followOldest() {
    if (pacer.oldestIsSet()) {
      reply.expectSet();
    } else {
      reply.expectGet(keys.length, protocol.getEnds(keys.length));
    }
    following = true;
  }

  private void finishIfIdle() {
    boolean noMore = control.stopping() || !workload.hasNext();
    if (!done && noMore && pacer != null && pacer.inFlight() == 0) {
      done = true;
      control.connectionDone();
    }
  }
}
