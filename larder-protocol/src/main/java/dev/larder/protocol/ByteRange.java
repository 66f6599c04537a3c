package dev.larder.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes {@code array[offset..offset + length)}: a key, a value or a token where a decoder found it,
 * in its own buffers, so that it is not copied. A decoder points the ranges of the requests it reuses
 * anew for each request, so a decoded range is valid until the decoder's next {@code decode}.
 */
public final class ByteRange {
  private byte[] array;
  private int offset;
  private int length;

  /** A range that points nowhere yet, for a decoder to {@link #set}. */
  public ByteRange() {}

  /** The whole of {@code bytes}. */
  public static ByteRange of(byte[] bytes) {
    ByteRange range = new ByteRange();
    range.set(bytes, 0, bytes.length);
    return range;
  }

  /** Points this range at {@code bytes[from..from + count)}; for decoders. */
  public void set(byte[] bytes, int from, int count) {
    array = bytes;
    offset = from;
    length = count;
  }

  /** Lets go of the array, which may be a large one of its own; for decoders. */
  public void clear() {
    set(null, 0, 0);
  }

  /** The array the bytes are in; null when the range points nowhere. */
  public byte[] array() {
    return array;
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  /** The bytes in an array of their own. */
  public byte[] copy() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  /** The bytes as ISO-8859-1 text, for messages. */
  @Override
  public String toString() {
    return array == null ? "(none)" : new String(array, offset, length, StandardCharsets.ISO_8859_1);
  }
}
