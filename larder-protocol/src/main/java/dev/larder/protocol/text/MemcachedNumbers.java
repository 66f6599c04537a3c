package dev.larder.protocol.text;

/**
 * memcached's {@code safe_strtoul}, {@code safe_strtol} and {@code safe_strtoull} (util.c) on a
 * 64-bit Linux build, so that the same bytes are accepted or refused, and truncated, as memcached
 * does: C's {@code strto*} skip leading white space and take a sign ({@code "-1"} as unsigned is
 * 2^64-1, refused only because the token holds a '-' and the result looks negative); the number may
 * be followed by white space but nothing else; out-of-range magnitudes are refused; and the result is
 * then truncated to the 32-bit variable memcached stores it in.
 *
 * <p>Not thread-safe: one instance per decoder.
 */
final class MemcachedNumbers {
  private static final long MAX_UNSIGNED_DIV_10 = Long.divideUnsigned(-1L, 10);
  private static final int MAX_UNSIGNED_LAST_DIGIT = (int) Long.remainderUnsigned(-1L, 10);

  /**
   * The number the last parse accepted. Each parse says whether memcached accepts the token and leaves
   * the number here, rather than returning an {@code OptionalLong}: a 64-bit unsigned result has no
   * spare value, and whether the JIT removes such an object depends on how it inlines the caller.
   */
  private long value;

  /** The number the last parse that returned true read. */
  long value() {
    return value;
  }

  /** {@code safe_strtoul} into a {@code uint32_t}: a value in [0, 2^32). */
  boolean parseUnsigned32(byte[] bytes, int offset, int length) {
    if (!parseUnsigned64(bytes, offset, length)) {
      return false;
    }
    value &= 0xFFFF_FFFFL;
    return true;
  }

  /** {@code safe_strtoull}: a 64-bit unsigned value in a {@code long}. */
  boolean parseUnsigned64(byte[] bytes, int offset, int length) {
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
        return false; // ERANGE
      }
      magnitude = magnitude * 10 + digit;
    }
    if (i == digitsStart || !endsWell(bytes, i, end)) {
      return false;
    }
    long result = negative ? -magnitude : magnitude;
    if (result < 0 && contains(bytes, offset, end, (byte) '-')) {
      return false;
    }
    value = result;
    return true;
  }

  /** {@code safe_strtol} into an {@code int32_t}: parsed as a 64-bit long, then truncated. */
  boolean parseSigned32(byte[] bytes, int offset, int length) {
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
        return false; // ERANGE
      }
      magnitude = magnitude * 10 - digit;
    }
    if (i == digitsStart || !endsWell(bytes, i, end)) {
      return false;
    }
    if (!negative && magnitude == Long.MIN_VALUE) {
      return false; // 2^63 is out of range for a positive long
    }
    value = (int) (negative ? magnitude : -magnitude);
    return true;
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
