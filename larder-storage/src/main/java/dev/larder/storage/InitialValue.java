package dev.larder.storage;

/**
 * What {@link CacheEngine#applyDelta} stores when the key is missing. The engine reads it during the
 * call only, so a caller may keep one and {@link #set} it for each request instead of allocating.
 */
public final class InitialValue {
  private long value;
  private long expiresAt;

  /** A zero that never expires, until {@link #set}. */
  public InitialValue() {}

  /**
   * @param value the 64-bit unsigned number to store
   * @param expiresAt its expiry, absolute epoch milliseconds, 0 for never
   */
  public InitialValue(long value, long expiresAt) {
    set(value, expiresAt);
  }

  /** Replaces both fields, as the constructor takes them; returns this. */
  public InitialValue set(long value, long expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
    return this;
  }

  /** The 64-bit unsigned number to store. */
  public long value() {
    return value;
  }

  /** Its expiry, absolute epoch milliseconds, 0 for never. */
  public long expiresAt() {
    return expiresAt;
  }
}
