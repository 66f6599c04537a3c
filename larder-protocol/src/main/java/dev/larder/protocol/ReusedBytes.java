package dev.larder.protocol;

/**
 * A byte array a decoder copies each request's bytes into, kept while they fit under a limit, so that
 * the common small requests allocate nothing; a rare larger one gets an array of its own, which is not
 * kept.
 */
public final class ReusedBytes {
  private final int limit;
  private byte[] array;

  public ReusedBytes(int initialSize, int limit) {
    this.array = new byte[initialSize];
    this.limit = limit;
  }

  /** An array of at least {@code length} bytes, whose contents are not kept from earlier calls. */
  public byte[] forLength(int length) {
    if (length > limit) {
      return new byte[length];
    }
    if (array.length < length) {
      array = new byte[Math.max(length, Math.min(array.length * 2, limit))];
    }
    return array;
  }
}
