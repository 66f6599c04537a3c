package dev.larder.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * Takes each request's value out of a connection's inbound bytes. A short value is copied into an
 * array kept for the connection, so that the common requests allocate nothing; a long one is handed on
 * as a view of the inbound buffer itself, so that it reaches the cache in one copy, with no array of its
 * own to allocate, zero and collect.
 *
 * <p>Either way the value is valid only until the next value is read and while the inbound buffer is
 * not changed or released: the request must be carried out before more bytes are read.
 */
public final class ValueReader {
  /** The value of a request that holds none (yet): empty, and never moved. */
  public static final ByteBuffer NO_VALUE = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final int limit;
  private final ReusedBytes array;
  /** {@link #array}'s array, as the buffer {@link #read} returns. */
  private ByteBuffer copied = ByteBuffer.allocate(0);

  /** @param limit the longest value copied; longer ones are views of the inbound buffer */
  public ValueReader(int initialSize, int limit) {
    this.limit = limit;
    this.array = new ReusedBytes(initialSize, limit);
  }

  /** Whether a value of {@code length} bytes is handed on where it arrived rather than copied. */
  public boolean isLong(int length) {
    return length > limit;
  }

  /** The next {@code length} bytes of {@code in}, between the position and the limit of the buffer returned. */
  public ByteBuffer read(ByteBuf in, int length) {
    if (isLong(length)) {
      ByteBuffer view = in.nioBuffer(in.readerIndex(), length);
      in.skipBytes(length);
      return view;
    }
    byte[] into = array.forLength(length);
    in.readBytes(into, 0, length);
    if (copied.array() != into) {
      copied = ByteBuffer.wrap(into);
    }
    return copied.clear().limit(length);
  }
}
