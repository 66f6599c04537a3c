package dev.larder.bench;

/**
 * Value sizes: fixed ({@code min == max}) or a range. In a range the size is derived from the key
 * index by a hash, so a key always has the same size, on every run and every connection.
 *
 * @param min the smallest value in bytes
 * @param max the largest value in bytes, inclusive
 */
public record ValueSizes(int min, int max) {
  /** The largest value the bench writes: memcached's default item size limit. */
  public static final int MAX_VALUE_SIZE = 1024 * 1024;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code min > max} or either is outside 0..{@value
   *     #MAX_VALUE_SIZE}
   */
  public ValueSizes {
    if (min < 0 || max > MAX_VALUE_SIZE || min > max) {
      throw new IllegalArgumentException("value-size: " + min + "-" + max
          + " (expected: 0 <= MIN <= MAX <= " + MAX_VALUE_SIZE + ")");
    }
  }

  /**
   * Parses {@code N} (fixed) or {@code MIN-MAX} (ranged, inclusive), in bytes.
   *
   * @throws IllegalArgumentException naming the text if it is not of that form or out of range
   */
  public static ValueSizes parse(String text) {
    String[] parts = text.strip().split("-", -1);
    try {
      if (parts.length == 1) {
        int size = Integer.parseInt(parts[0]);
        return new ValueSizes(size, size);
      }
      if (parts.length == 2) {
        return new ValueSizes(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(badText(text), e);
    }
    throw new IllegalArgumentException(badText(text));
  }

  /** The size of the value of key number {@code keyIndex}: always the same for the same key. */
  public int sizeOf(long keyIndex) {
    if (min == max) {
      return min;
    }
    long span = (long) max - min + 1;
    return min + (int) Long.remainderUnsigned(mix(keyIndex), span);
  }

  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + "-" + max;
  }

  /** SplitMix64's finalizer: neighbouring keys get unrelated sizes. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String badText(String text) {
    return "value-size: '" + text + "' (expected: BYTES or MIN-MAX, e.g. 100 or 50-500)";
  }
}
