package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.protocol.text.MalformedReplyException;
import dev.larder.protocol.text.TextResponse;
import dev.larder.protocol.text.TextResponseDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pipeline of one connection. Callers on any thread {@link #submit} operations; on the event loop
 * they are written in batches (one buffer and one flush for everything submitted since the last
 * batch) and queued in order; replies are decoded and handed to the oldest operation still awaiting
 * one. Consecutive plain gets of one key in a batch, typically from different callers, go out as one
 * multi-key get ({@link MergedGetOperation}), as xmemcached does by default (and spymemcached when its
 * get optimisation is on).
 *
 * <p>Timeouts cost one timer per connection, not one per operation: operations are queued in the order
 * of their deadlines (up to the microseconds by which concurrent callers race to submit), so a single
 * sweep, scheduled for the deadline of the oldest operation still waiting, fails whatever is overdue and
 * schedules itself for the next one. A timed-out operation stays queued so that its reply, when it
 * comes, is consumed and the stream stays in step. A server that lets {@value
 * #SILENT_TIMEOUTS_BEFORE_CLOSE} operations time out in a row without a single reply is treated as gone:
 * the connection is closed. When the connection closes, every operation still queued fails with {@link
 * ConnectionLostException}.
 */
final class OperationPipeline extends ByteToMessageDecoder {
  static final int SILENT_TIMEOUTS_BEFORE_CLOSE = 3;

  private final Node node;
  private final Duration timeout;
  private final long timeoutNanos;
  private final TextResponseDecoder decoder;
  private final Queue<Operation<?>> submitted = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean batchScheduled = new AtomicBoolean();
  /** Operations written and awaiting replies, oldest first; event loop only. */
  private final ArrayDeque<Operation<?>> awaitingReply = new ArrayDeque<>();
  /** Consecutive plain gets of the batch being written, to be sent as one command; event loop only. */
  private final List<SingleKeyRetrievalOperation> gets = new ArrayList<>(MergedGetOperation.MAX_KEYS);
  private volatile ChannelHandlerContext ctx;
  /** Whether a timeout sweep is scheduled; event loop only. */
  private boolean sweepScheduled;
  private int silentTimeouts;
  private Throwable closeCause;

  OperationPipeline(Node node, Duration timeout, int maxValueBytes) {
    this.node = node;
    this.timeout = timeout;
    this.timeoutNanos = timeout.toNanos();
    this.decoder = new TextResponseDecoder(maxValueBytes);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  /** Queues {@code operation}, already holding its place in the limit, for the next batch. Any thread. */
  void submit(Operation<?> operation) {
    operation.submittedNanos = System.nanoTime();
    submitted.add(operation);
    // Reading first spares the callers that find a batch already scheduled a contended write.
    if (!batchScheduled.get() && batchScheduled.compareAndSet(false, true)) {
      try {
        ctx.executor().execute(this::writeBatch);
      } catch (RejectedExecutionException clientClosed) {
        failSubmitted("the client is closed");
      }
    }
  }

  /** Whether a batch is scheduled and not yet written: an operation submitted now goes with it. */
  boolean batchPending() {
    return batchScheduled.get();
  }

  private void writeBatch() {
    batchScheduled.set(false);
    if (!ctx.channel().isActive()) {
      failSubmitted("connection to " + node + " closed before the command was written");
      return;
    }
    ByteBuf batch = ctx.alloc().ioBuffer();
    List<Operation<?>> noreply = null;
    Operation<?> operation;
    while ((operation = submitted.poll()) != null) {
      if (operation instanceof SingleKeyRetrievalOperation get && get.isPlainGet()) {
        if (!canJoin(get)) {
          writeGets(batch);
        }
        gets.add(get);
        continue;
      }
      writeGets(batch);
      operation.encode(batch);
      if (operation.expectsReply()) {
        awaitingReply.add(operation);
      } else {
        if (noreply == null) {
          noreply = new ArrayList<>();
        }
        noreply.add(operation);
      }
    }
    writeGets(batch);
    if (!sweepScheduled) {
      sweepTimeouts();
    }
    if (!batch.isReadable()) {
      batch.release();
    } else if (noreply == null) {
      // A failed write reaches exceptionCaught, which closes the connection and so fails every
      // operation awaiting a reply: no listener, no promise to allocate per batch.
      ctx.writeAndFlush(batch, ctx.voidPromise());
    } else {
      List<Operation<?>> written = noreply;
      ctx.writeAndFlush(batch).addListener(write -> {
        for (Operation<?> done : written) {
          if (write.isSuccess()) {
            done.written();
          } else {
            done.fail(lost("write to " + node + " failed", write.cause()));
          }
        }
        if (!write.isSuccess()) {
          closeWith(write.cause());
        }
      });
    }
  }

  /** Whether {@code get} may share a command line with the gets collected so far. */
  private boolean canJoin(SingleKeyRetrievalOperation get) {
    if (gets.size() == MergedGetOperation.MAX_KEYS) {
      return false;
    }
    for (SingleKeyRetrievalOperation collected : gets) {
      if (Arrays.equals(collected.wireKey(), get.wireKey())) {
        return false;
      }
    }
    return true;
  }

  /** Writes the gets collected so far: alone, or as one merged command. */
  private void writeGets(ByteBuf batch) {
    if (gets.isEmpty()) {
      return;
    }
    Operation<?> operation = gets.size() == 1 ? gets.get(0) : new MergedGetOperation(gets);
    gets.clear();
    operation.encode(batch);
    awaitingReply.add(operation);
  }

  /**
   * Fails the operations past their deadline, oldest first, and schedules the next sweep for the
   * deadline of the oldest one still waiting, if any. Operations that already timed out but still
   * await their replies are passed over.
   */
  private void sweepTimeouts() {
    sweepScheduled = false;
    long now = System.nanoTime();
    for (Operation<?> operation : awaitingReply) {
      if (operation.future().isDone()) {
        continue;
      }
      long left = operation.submittedNanos + timeoutNanos - now;
      if (left > 0) {
        sweepScheduled = true;
        ctx.executor().schedule(this::sweepTimeouts, left, TimeUnit.NANOSECONDS);
        return;
      }
      if (operation.fail(new CacheTimeoutException(node, timeout))
          && ++silentTimeouts >= SILENT_TIMEOUTS_BEFORE_CLOSE) {
        closeWith(new CacheTimeoutException(node, timeout));
        return;
      }
    }
  }

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
    try {
      TextResponse response;
      while ((response = decoder.decode(in)) != null) {
        silentTimeouts = 0;
        Operation<?> oldest = awaitingReply.peek();
        if (oldest == null) {
          throw new MalformedReplyException("reply with no command awaiting it: " + response);
        }
        if (oldest.accept(response, node)) {
          awaitingReply.poll();
        }
      }
    } catch (MalformedReplyException e) {
      in.skipBytes(in.readableBytes());
      Operation<?> culprit = awaitingReply.poll();
      if (culprit != null) {
        culprit.fail(lost("unexpected reply from " + node, e));
      }
      closeWith(e);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    closeWith(cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    super.channelInactive(context);
    Operation<?> operation;
    while ((operation = awaitingReply.poll()) != null) {
      operation.fail(lost("connection to " + node + " closed while awaiting the reply", closeCause));
    }
    failSubmitted("connection to " + node + " closed before the command was written");
  }

  private void closeWith(Throwable cause) {
    if (closeCause == null) {
      closeCause = cause;
    }
    ctx.close();
  }

  private void failSubmitted(String message) {
    Operation<?> operation;
    while ((operation = submitted.poll()) != null) {
      operation.fail(lost(message, closeCause));
    }
  }

  private ConnectionLostException lost(String message, Throwable cause) {
    return new ConnectionLostException(node, message, cause);
  }
}
