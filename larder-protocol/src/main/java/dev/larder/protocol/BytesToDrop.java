package dev.larder.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The bytes of a request a decoder has refused to read (a value over the size limit, the body of an
 * unknown command), dropped as they arrive so that the stream stays in step. Not thread-safe.
 */
public final class BytesToDrop {
  private long remaining;

  /** Drops the next {@code count} bytes of the input. */
  public void start(long count) {
    remaining = count;
  }

  /** Drops as many of them as {@code in} holds; returns whether all of them are gone. */
  public boolean dropFrom(ByteBuf in) {
    int dropped = (int) Math.min(remaining, in.readableBytes());
    in.skipBytes(dropped);
    remaining -= dropped;
    return remaining == 0;
  }
}
