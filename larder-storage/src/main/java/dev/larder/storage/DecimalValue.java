package dev.larder.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads and writes the decimal 64-bit unsigned numbers that incr/decr work on, accepting exactly what
 * memcached's {@code safe_strtoull} accepts over a stored value: optional leading whitespace, an
 * optional sign, digits, then whitespace or the end (memcached pads shrunk numbers with spaces).
 *
 * <p>An engine keeps one and uses it under its lock: a parse leaves the number in {@link #value()},
 * and a format writes the digits into an array it keeps, so that incr/decr allocate nothing.
 */
final class DecimalValue {
  /** 2^64 - 1 has 20 digits. */
  private static final int MAX_DIGITS = 20;

  private long value;
  private final byte[] digits = new byte[MAX_DIGITS];
  /** {@link #digits} as the buffer {@link #format} returns. */
  private final ByteBuffer formatted = ByteBuffer.wrap(digits);

  /** The number the last {@link #parse} that returned true read. */
  long value() {
    return value;
  }

  /**
   * Whether the bytes from {@code bytes}' position to its limit hold a number memcached takes (it is
   * then {@link #value()}), read without moving the position, so engines can parse values where they
   * are stored.
   */
  boolean parse(ByteBuffer bytes) {
    int end = bytes.limit();
    int i = bytes.position();
    while (i < end && isSpace(bytes.get(i))) {
      i++;
    }
    boolean negative = false;
    if (i < end && (bytes.get(i) == '+' || bytes.get(i) == '-')) {
      negative = bytes.get(i) == '-';
      i++;
    }
    int start = i;
    long result = 0;
    for (; i < end && bytes.get(i) >= '0' && bytes.get(i) <= '9'; i++) {
      long digit = bytes.get(i) - '0';
      if (Long.compareUnsigned(result, Long.divideUnsigned(-1L - digit, 10)) > 0) {
        return false; // strtoull's ERANGE
      }
      result = result * 10 + digit;
    }
    // memcached's value is followed by "\r\n", so the end of the bytes counts as whitespace.
    if (i == start || (i < end && !isSpace(bytes.get(i)))) {
      return false;
    }
    if (negative) {
      result = -result; // strtoull negates; memcached refuses results that look negative as signed
      if (result < 0) {
        return false;
      }
    }
    value = result;
    return true;
  }

  /**
   * The number's digits, padded with spaces to {@code minLength} as memcached does in place: a buffer
   * over this object's own array, valid until the next format, unless the padding makes it longer than
   * any number (then a new array, so that none of a value's size is kept).
   */
  ByteBuffer format(long unsigned, int minLength) {
    int count = digitCount(unsigned);
    int length = Math.max(count, minLength);
    byte[] into = length <= digits.length ? digits : new byte[length];
    Arrays.fill(into, count, length, (byte) ' ');
    long rest = unsigned;
    for (int i = count - 1; i >= 0; i--) {
      into[i] = (byte) ('0' + Long.remainderUnsigned(rest, 10));
      rest = Long.divideUnsigned(rest, 10);
    }
    return into == digits ? formatted.clear().limit(length) : ByteBuffer.wrap(into);
  }

  private static int digitCount(long unsigned) {
    int count = 1;
    for (long rest = Long.divideUnsigned(unsigned, 10); rest != 0; rest /= 10) {
      count++;
    }
    return count;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }
}
