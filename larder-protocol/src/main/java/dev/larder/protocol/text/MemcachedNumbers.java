package dev.larder.protocol.text;

import java.util.OptionalLong;

/**
 * memcached's {@code safe_strtoul}, {@code safe_strtol} and {@code safe_strtoull} (util.c) on a
 * 64-bit Linux build, so that the same bytes are accepted or refused, and truncated, as memcached
 * does: C's {@code strto*} skip leading white space and take a sign ({@code "-1"} as unsigned is
 * 2^64-1, refused only because the token holds a '-' and the result looks negative); the number may
 * be followed by white space but nothing else; out-of-range magnitudes are refused; and the result is
 * then truncated to the 32-bit variable memcached stores it in.
 */
final class MemcachedNumbers {
  private static final long MAX_UNSIGNED_DIV_10 = Long.divideUnsigned(-1L, 10);
  private static final int MAX_UNSIGNED_LAST_DIGIT = (int) Long.remainderUnsigned(-1L, 10);

  private MemcachedNumbers() {}

  /** {@code safe_strtoul} into a {@code uint32_t}: a value in [0, 2^32), or empty. */
  static OptionalLong parseUnsigned32(byte[] bytes, int offset, int length) {
    OptionalLong value = parseUnsigned64(bytes, offset, length);
    return value.isPresent() ? OptionalLong.of(value.getAsLong() & 0xFFFF_FFFFL) : value;
  }

  /** {@code safe_strtoull}: a 64-bit unsigned value in a {@code long}, or empty. */
  static OptionalLong parseUnsigned64(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = skipSpaces(bytes, offset, end);
    boolean negative = i < end && bytes[i] == '-';
    if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
      i++;
    }
    int digitsStart = i;
    long magnitude = 0;
    for (; i < end && isDigit(bytes[i]); i++) {
      int digit = bytes[i] - '0';
      if (Long.compareUnsigned(magnitude, MAX_UNSIGNED_DIV_10) > 0
          || (magnitude == MAX_UNSIGNED_DIV_10 && digit > MAX_UNSIGNED_LAST_DIGIT)) {
        return OptionalLong.empty(); // ERANGE
      }
      magnitude = magnitude * 10 + digit;
    }
    if (i == digitsStart || !endsWell(bytes, i, end)) {
      return OptionalLong.empty();
    }
    long value = negative ? -magnitude : magnitude;
    if (value < 0 && contains(bytes, offset, end, (byte) '-')) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(value);
  }

  /** {@code safe_strtol} into an {@code int32_t}: parsed as a 64-bit long, then truncated. */
  static OptionalLong parseSigned32(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = skipSpaces(bytes, offset, end);
    boolean negative = i < end && bytes[i] == '-';
    if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
      i++;
    }
    int digitsStart = i;
    long magnitude = 0; // kept negative-side so that Long.MIN_VALUE fits
    for (; i < end && isDigit(bytes[i]); i++) {
      int digit = bytes[i] - '0';
      if (magnitude < (Long.MIN_VALUE + digit) / 10) {
        return OptionalLong.empty(); // ERANGE
      }
      magnitude = magnitude * 10 - digit;
    }
    if (i == digitsStart || !endsWell(bytes, i, end)) {
      return OptionalLong.empty();
    }
    if (!negative && magnitude == Long.MIN_VALUE) {
      return OptionalLong.empty(); // 2^63 is out of range for a positive long
    }
    long value = negative ? magnitude : -magnitude;
    return OptionalLong.of((int) value);
  }

  /** C's {@code isspace} in the "C" locale. */
  static boolean isSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  private static int skipSpaces(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && isSpace(bytes[i])) {
      i++;
    }
    return i;
  }

  /** memcached accepts a number followed by white space (or nothing), never by other bytes. */
  private static boolean endsWell(byte[] bytes, int i, int end) {
    return i == end || isSpace(bytes[i]);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean contains(byte[] bytes, int from, int end, byte wanted) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == wanted) {
        return true;
      }
    }
    return false;
  }
}
