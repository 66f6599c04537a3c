package dev.larder.storage;

/**
 * A protocol-neutral cache of byte keys and byte values.
 *
 * <p>Every method is thread-safe and atomic for its key. Expiry times are absolute epoch milliseconds
 * as produced by {@link Expiry}: {@code 0} means never. Items are read through an {@link ItemVisitor}
 * so that an engine can hand out its own memory, with no copy and no object per item; the view is
 * valid only while the visitor runs.
 */
public interface CacheEngine extends AutoCloseable {

  /** Looks {@code key} up; on a hit shows the item to {@code visitor} before returning. */
  Lookup get(byte[] key, ItemVisitor visitor);

  /** As {@link #get}, and on a hit sets the item's expiry to {@code expiresAt} first. */
  Lookup getAndTouch(byte[] key, long expiresAt, ItemVisitor visitor);

  /**
   * Stores a value under the rules of {@code mode}. For {@link StoreMode#APPEND} and {@link
   * StoreMode#PREPEND} the existing flags and expiry are kept and {@code flags}/{@code expiresAt} are
   * ignored. {@code expectedCas} is read only by {@link StoreMode#CAS}.
   */
  StoreResult store(StoreMode mode, byte[] key, int flags, long expiresAt, byte[] value, long expectedCas);

  /**
   * Removes the item under {@code key} after a store was refused as {@link StoreResult#TOO_LARGE}, as
   * memcached does for {@code set}, so that a stale value does not outlive a failed overwrite.
   */
  default void invalidate(byte[] key) {
    delete(key);
  }

  /** Removes {@code key}; returns whether a live item was removed. */
  boolean delete(byte[] key);

  /**
   * Adds {@code delta} to (or, with {@code increment} false, subtracts it from) the decimal 64-bit
   * unsigned number stored under {@code key}. Increments wrap at 2^64; decrements stop at zero. A
   * result shorter than the stored number is padded with spaces to the old length, as memcached does.
   */
  Arithmetic incrementOrDecrement(byte[] key, boolean increment, long delta);

  /** Sets the expiry of a live item; returns whether there was one. */
  boolean touch(byte[] key, long expiresAt);

  /**
   * Invalidates every item stored before {@code atMillis} once that time has come ({@code 0} or a
   * past time: now). Items are not visited; they become invisible and are reclaimed lazily.
   */
  void flushAll(long atMillis);

  /** Changes the memory limit at run time; items over the new limit are evicted. */
  void setMemoryLimit(long bytes);

  /** A snapshot of the engine's counters. */
  EngineStats stats();

  /** Releases the engine's memory. */
  @Override
  void close();
}
