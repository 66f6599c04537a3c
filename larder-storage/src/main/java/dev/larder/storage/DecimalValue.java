package dev.larder.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Reads and writes the decimal 64-bit unsigned numbers that incr/decr work on, accepting exactly what
 * memcached's {@code safe_strtoull} accepts over a stored value: optional leading whitespace, an
 * optional sign, digits, then whitespace or the end (memcached pads shrunk numbers with spaces).
 */
final class DecimalValue {
  private DecimalValue() {}

  /** The unsigned number in {@code value}, or empty when memcached would call it non-numeric. */
  static OptionalLong parse(byte[] value) {
    return parse(ByteBuffer.wrap(value));
  }

  /**
   * The unsigned number in the bytes from {@code value}'s position to its limit, read without moving
   * the position, so engines can parse values where they are stored.
   */
  static OptionalLong parse(ByteBuffer value) {
    int end = value.limit();
    int i = value.position();
    while (i < end && isSpace(value.get(i))) {
      i++;
    }
    boolean negative = false;
    if (i < end && (value.get(i) == '+' || value.get(i) == '-')) {
      negative = value.get(i) == '-';
      i++;
    }
    int start = i;
    long result = 0;
    for (; i < end && value.get(i) >= '0' && value.get(i) <= '9'; i++) {
      long digit = value.get(i) - '0';
      if (Long.compareUnsigned(result, Long.divideUnsigned(-1L - digit, 10)) > 0) {
        return OptionalLong.empty(); // strtoull's ERANGE
      }
      result = result * 10 + digit;
    }
    // memcached's value is followed by "\r\n", so the end of the bytes counts as whitespace.
    if (i == start || (i < end && !isSpace(value.get(i)))) {
      return OptionalLong.empty();
    }
    if (negative) {
      result = -result; // strtoull negates; memcached refuses results that look negative as signed
      if (result < 0) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(result);
  }

  /** The number's digits, padded with spaces to {@code minLength} as memcached does in place. */
  static byte[] format(long unsigned, int minLength) {
    byte[] digits = Long.toUnsignedString(unsigned).getBytes(StandardCharsets.US_ASCII);
    if (digits.length >= minLength) {
      return digits;
    }
    byte[] padded = Arrays.copyOf(digits, minLength);
    Arrays.fill(padded, digits.length, minLength, (byte) ' ');
    return padded;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }
}
