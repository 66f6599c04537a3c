package dev.larder.server;

import dev.larder.storage.ItemView;
import dev.larder.storage.PinnedValue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.unix.IovArray;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How one connection puts values into its replies. A short value is copied into the reply buffer. A
 * long one, on a connection that sends straight to its socket ({@link DirectSend}), is pinned where it
 * is in engine memory ({@link ItemView#pin}) and sent from there with the replies around it in one
 * gathering write ({@link #send}), as memcached sends values from its items: a 100 KB value then
 * costs the kernel's copy alone. Pins never outlast the request that took them (or, should it fail, its
 * connection): what the socket does not take at once is copied into a buffer of its own, and every
 * pin is closed.
 */
public final class ReplyValues {
  /** Values from this length are pinned; shorter ones cost less to copy than to pin and gather. */
  static final int MIN_PINNED_LENGTH = 8 * 1024;

  /** One list of I/O vectors per event loop, as Netty's own transport keeps. */
  private static final FastThreadLocal<IovArray> IOV = new FastThreadLocal<>() {
    @Override
    protected IovArray initialValue() {
      return new IovArray();
    }

    @Override
    protected void onRemoval(IovArray iov) {
      iov.release();
    }
  };

  /** Null when replies go through the channel: then every value is copied. */
  private DirectSend direct;
  /** The reply buffer whose long values may be pinned; values written elsewhere are copied. */
  private ByteBuf pinningInto;
  private PinnedValue[] pinned = new PinnedValue[4];
  /** Where each pinned value belongs in {@link #pinningInto}: the writer index when it was written. */
  private int[] pinnedAt = new int[4];
  private int count;

  /** Lets long values be sent from engine memory through {@code send}; null turns that off. */
  void sendThrough(DirectSend send) {
    direct = send;
  }

  /** Long values written into {@code replies} from now on may be pinned, until {@link #send}. */
  void pinInto(ByteBuf replies) {
    pinningInto = direct == null ? null : replies;
  }

  /** Writes {@code item}'s value into {@code out}, or pins it there when it is long (see the class). */
  public void write(ByteBuf out, ItemView item) {
    ByteBuffer value = item.value();
    if (out != pinningInto || value.remaining() < MIN_PINNED_LENGTH || !value.isDirect()) {
      int position = value.position();
      out.writeBytes(value);
      value.position(position); // rather than writing a duplicate, which would be garbage per hit
      return;
    }
    if (count == pinned.length) {
      pinned = Arrays.copyOf(pinned, count * 2);
      pinnedAt = Arrays.copyOf(pinnedAt, count * 2);
    }
    pinned[count] = item.pin();
    pinnedAt[count] = out.writerIndex();
    count++;
  }

  /**
   * Whether values wait in engine memory for {@link #send}, which sends them with the replies before
   * them as soon as the request that wrote them is done.
   */
  public boolean pinnedAny() {
    return count > 0;
  }

  /**
   * Sends {@code replies} with the pinned values in their places, as much as the socket takes now,
   * and closes the pins; returns what is left to send: {@code replies}, emptied, when the socket took
   * everything, else a new buffer (and {@code replies} is released). Sent bytes are added to {@code
   * stats}.
   */
  ByteBuf send(ByteBuf replies, ByteBufAllocator alloc, ServerStats stats) {
    try {
      long total = replies.readableBytes();
      for (int i = 0; i < count; i++) {
        total += pinned[i].bytes().remaining();
      }
      long sent = direct.sendAll(gather(replies));
      stats.bytesWritten.add(sent);
      if (sent == total) {
        replies.clear();
        return replies;
      }
      ByteBuf rest = alloc.ioBuffer(Math.toIntExact(total - sent));
      copyAfter(sent, replies, rest);
      replies.release();
      return rest;
    } finally {
      release();
    }
  }

  /** The parts of the reply in order, as I/O vectors: as many as one write takes. */
  private IovArray gather(ByteBuf replies) {
    IovArray iov = IOV.get();
    iov.clear();
    int from = replies.readerIndex();
    for (int i = 0; i < count; i++) {
      if (!iov.add(replies, from, pinnedAt[i] - from)
          || !iov.add(Unpooled.wrappedBuffer(pinned[i].bytes()), 0, pinned[i].bytes().remaining())) {
        return iov;
      }
      from = pinnedAt[i];
    }
    iov.add(replies, from, replies.writerIndex() - from);
    return iov;
  }

  /** Copies the reply's parts into {@code rest}, leaving out the first {@code skip} bytes. */
  private void copyAfter(long skip, ByteBuf replies, ByteBuf rest) {
    int from = replies.readerIndex();
    for (int i = 0; i < count; i++) {
      skip = copyPart(replies.nioBuffer(from, pinnedAt[i] - from), skip, rest);
      skip = copyPart(pinned[i].bytes().duplicate(), skip, rest);
      from = pinnedAt[i];
    }
    copyPart(replies.nioBuffer(from, replies.writerIndex() - from), skip, rest);
  }

  /** Copies {@code part} into {@code rest} but for its first {@code skip} bytes; returns the skip left. */
  private static long copyPart(ByteBuffer part, long skip, ByteBuf rest) {
    int skipped = (int) Math.min(skip, part.remaining());
    rest.writeBytes(part.position(part.position() + skipped));
    return skip - skipped;
  }

  /** Closes every pin; for a request cut short, and for a closed connection. */
  void release() {
    pinningInto = null;
    for (int i = 0; i < count; i++) {
      pinned[i].close();
      pinned[i] = null;
    }
    count = 0;
  }
}
