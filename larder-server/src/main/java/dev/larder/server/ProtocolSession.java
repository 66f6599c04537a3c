package dev.larder.server;

import io.netty.buffer.ByteBuf;

/**
 * One connection's protocol as {@link ProtocolHandler} drives it: a decoder and an executor, called
 * on the connection's event loop.
 *
 * @param <R> the protocol's request type
 */
interface ProtocolSession<R> {
  /** The next complete request in {@code in}, or null when more bytes are needed. */
  R decode(ByteBuf in);

  /**
   * Whether {@link #decode} has a request to return without more bytes: the rest of a request handed
   * over in parts, so that its reply is written a part at a time.
   */
  boolean hasMore();

  /**
   * The bytes, from the input's reader index on, that the request under way needs whole when they end
   * in a long value, which the decoder hands on where it arrived; otherwise 0. The handler makes room
   * for them in one buffer.
   */
  int longValueAwaited();

  /** Writes the reply to {@code request} into {@code replies}; false when the connection must then close. */
  boolean execute(R request, ByteBuf replies);

  /**
   * Called once the complete requests of a read were carried out: the decoder lets go of the buffers
   * its last request pointed into, which a large value has of its own, so that an idle connection
   * keeps none; but not of those the rest of a request handed over in parts ({@link #hasMore}) needs.
   */
  void release();
}
