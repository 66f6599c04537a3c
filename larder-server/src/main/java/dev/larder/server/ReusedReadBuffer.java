package dev.larder.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * One connection's receive buffers, sized by Netty's adaptive guess: a read lands in the buffer the
 * previous read used once the pipeline has consumed and released it, as memcached reads into one
 * buffer per connection. A pooled allocation and release per read was a measurable part of a small
 * request's cost (the pool counts, in shared counters, the memory each buffer pins). While the
 * pipeline still holds the last buffer (an incomplete request), the next read gets a new one. While a
 * long value is awaited, reads land where it is being gathered ({@link #readInto}).
 *
 * <p>One instance per channel, used on its event loop only; {@link #release} when the channel closes.
 */
final class ReusedReadBuffer extends AdaptiveRecvByteBufAllocator {
  /** A connection keeps a buffer up to this size between reads; bulk reads allocate as Netty does. */
  private static final int MAX_KEPT_CAPACITY = 16 * 1024;
  /** Netty's default for stream channels: at most this many reads per readiness event. */
  private static final int READS_PER_EVENT = 16;

  private ByteBuf kept;
  private boolean released;
  /** Where reads land while a long value is awaited; null when they get buffers of their own. */
  private ByteBuf target;
  /** The last slice of {@link #target} a read was given. */
  private ByteBuf targetSlice;

  ReusedReadBuffer() {
    maxMessagesPerRead(READS_PER_EVENT);
  }

  @Override
  public ExtendedHandle newHandle() {
    return new ReusingHandle((ExtendedHandle) super.newHandle());
  }

  /**
   * Until called again, reads land in the free space of {@code inbound} (null: in buffers of their
   * own), as slices of it: the rest of a long value then goes straight after its start, as memcached
   * reads a value into the item it allocated for it, and no copy joins the reads' buffers. The caller
   * owns {@code inbound}, and calls this with null before it releases it.
   */
  void readInto(ByteBuf inbound) {
    target = inbound;
    targetSlice = null;
  }

  /** Whether {@code read} landed in the free space of the buffer {@link #readInto} named, right after its bytes. */
  boolean landedInTarget(ByteBuf read) {
    return read == targetSlice;
  }

  /** Drops the kept buffer; reads after this (none are expected) allocate as Netty does. */
  void release() {
    released = true;
    readInto(null);
    if (kept != null) {
      kept.release();
      kept = null;
    }
  }

  private ByteBuf allocate(ByteBufAllocator alloc, int size) {
    if (target != null && target.isWritable()) {
      targetSlice = target.retainedSlice(target.writerIndex(), target.writableBytes()).clear();
      return targetSlice;
    }
    ByteBuf buffer = kept;
    if (buffer != null) {
      // Not only a buffer of the guessed size: the guess moves with every other request when small
      // gets and larger sets alternate, and a bigger buffer only lets one read take more.
      if (buffer.refCnt() == 1 && buffer.capacity() >= size) {
        return buffer.clear().retain();
      }
      buffer.release(); // the pipeline frees it when done, or it was too small
      kept = null;
    }
    buffer = alloc.ioBuffer(size);
    if (!released && size <= MAX_KEPT_CAPACITY) {
      kept = buffer.retain();
    }
    return buffer;
  }

  private final class ReusingHandle extends DelegatingHandle implements ExtendedHandle {
    ReusingHandle(ExtendedHandle sizing) {
      super(sizing);
    }

    @Override
    public ByteBuf allocate(ByteBufAllocator alloc) {
      return ReusedReadBuffer.this.allocate(alloc, guess());
    }

    @Override
    public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
      return ((ExtendedHandle) delegate()).continueReading(maybeMoreDataSupplier);
    }
  }
}
