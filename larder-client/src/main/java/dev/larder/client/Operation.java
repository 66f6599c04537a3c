package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * One command on its way through a connection: it writes its bytes, then takes the replies that
 * answer it. Every error reply ends any command. The bookkeeping fields belong to the {@link
 * OperationPipeline} that carries the operation and are touched only on its event loop.
 *
 * @param <T> what the command yields
 */
abstract class Operation<T> {
  private static final VarHandle SLOT;

  static {
    try {
      SLOT = MethodHandles.lookup().findVarHandle(Operation.class, "slot", OutstandingLimit.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final CompletableFuture<T> future = new CompletableFuture<>();
  /** The place this operation holds in its server's limit, until its outcome is known. */
  private volatile OutstandingLimit slot;
  /** When the pipeline took it: its deadline is this plus the operation timeout. */
  long submittedNanos;

  final CompletableFuture<T> future() {
    return future;
  }

  /** Records that the operation took a place in {@code limit}; it gives it back when it ends. */
  final void holds(OutstandingLimit limit) {
    slot = limit;
  }

  /** Writes the command. */
  abstract void encode(ByteBuf out);

  /** False for noreply commands: they are done once written. */
  boolean expectsReply() {
    return true;
  }

  /** The command was written and, for a noreply command, is therefore done. */
  void written() {}

  /**
   * Takes the next reply of the connection.
   *
   * @return whether the operation has all its replies
   * @throws dev.larder.protocol.text.MalformedReplyException if the reply cannot answer this command
   */
  final boolean accept(TextResponse response, Node node) {
    if (response instanceof TextResponse.Error error) {
      fail(new ServerErrorException(node, error.kind(), error.message()));
      return true;
    }
    return onReply(response);
  }

  /** {@link #accept} for anything but an error reply. */
  abstract boolean onReply(TextResponse response);

  final void complete(T value) {
    releaseSlot();
    future.complete(value);
  }

  /** Fails the future unless it is already done; returns whether it did. */
  final boolean fail(Throwable cause) {
    releaseSlot();
    return future.completeExceptionally(cause);
  }

  // Before the future completes, so whoever sees the outcome also sees the place free again.
  private void releaseSlot() {
    OutstandingLimit held = (OutstandingLimit) SLOT.getAndSet(this, null);
    if (held != null) {
      held.release();
    }
  }
}
