package dev.larder.storage;

import java.util.Arrays;

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

  /** As {@link #get(byte[], ItemVisitor)}, the key being {@code key[keyOffset..keyOffset + keyLength)}. */
  default Lookup get(byte[] key, int keyOffset, int keyLength, ItemVisitor visitor) {
    return get(Arrays.copyOfRange(key, keyOffset, keyOffset + keyLength), visitor);
  }

  /** As {@link #get}, and on a hit sets the item's expiry to {@code expiresAt} first. */
  Lookup getAndTouch(byte[] key, long expiresAt, ItemVisitor visitor);

  /**
   * Looks every key up in order, as {@link #get} (or, with {@code touch}, {@link #getAndTouch}) would
   * one after another, and tells {@code visitor} how each ended. Each lookup is atomic for its key, as
   * those are; an engine may make several under one lock and bring their memory into the CPU cache
   * together, as a multi-get wants.
   */
  default void getAll(KeyList keys, boolean touch, long expiresAt, MultiLookupVisitor visitor) {
    for (int i = 0; i < keys.size(); i++) {
      int index = i;
      ItemVisitor hit = item -> visitor.hit(index, item);
      byte[] key = Arrays.copyOfRange(keys.array(i), keys.offset(i), keys.offset(i) + keys.length(i));
      Lookup lookup = touch ? getAndTouch(key, expiresAt, hit) : get(key, hit);
      if (!lookup.hit()) {
        visitor.missed(i, lookup);
      }
    }
  }

  /**
   * Looks {@code key} up and shows the item, with what the engine knows of its use and its lease
   * state, to {@code editor}, which may change its expiry and lease state; all under the key's lock.
   *
   * @param createIfMissing on a miss, first store an empty item (flags 0, never expiring) and show it
   *     as created; a full cache with evictions disabled leaves it a miss
   * @param recordAccess whether this lookup counts as a read (marks the item fetched, sets its last
   *     access, counts towards keeping it); the editor sees the item as it was before, either way
   * @return {@link Lookup#HIT} when the editor was called, created or not
   */
  Lookup edit(byte[] key, boolean createIfMissing, boolean recordAccess, ItemEditor editor);

  /**
   * As {@link #edit(byte[], boolean, boolean, ItemEditor)}, the key being {@code
   * key[keyOffset..keyOffset + keyLength)}, a range of the caller's buffer.
   */
  default Lookup edit(byte[] key, int keyOffset, int keyLength, boolean createIfMissing, boolean recordAccess,
      ItemEditor editor) {
    return edit(Arrays.copyOfRange(key, keyOffset, keyOffset + keyLength), createIfMissing, recordAccess, editor);
  }

  /**
   * Stores a value under the rules of {@code mode}. For {@link StoreMode#APPEND} and {@link
   * StoreMode#PREPEND} the existing flags and expiry are kept and {@code flags}/{@code expiresAt} are
   * ignored. {@code expectedCas} is read only by {@link StoreMode#CAS}.
   */
  default StoreResult store(StoreMode mode, byte[] key, int flags, long expiresAt, byte[] value, long expectedCas) {
    return store(mode, key, flags, expiresAt, value, expectedCas, false, item -> {});
  }

  /**
   * Stores a value as {@link #store(StoreMode, byte[], int, long, byte[], long)} does, with memcached's
   * full CAS rules: a non-zero {@code expectedCas} also guards {@link StoreMode#APPEND} and {@link
   * StoreMode#PREPEND} ({@link StoreResult#EXISTS} when it differs); and with {@code invalidate}, a
   * {@link StoreMode#CAS} store whose non-zero {@code expectedCas} is <em>older</em> than the item's
   * stores anyway, as a stale item that keeps the old item's expiry and win-token mark. On
   * {@link StoreResult#STORED} the new item is shown to {@code stored} (for its CAS unique).
   */
  StoreResult store(StoreMode mode, byte[] key, int flags, long expiresAt, byte[] value, long expectedCas,
      boolean invalidate, ItemVisitor stored);

  /**
   * As {@link #store(StoreMode, byte[], int, long, byte[], long, boolean, ItemVisitor)}, the key being
   * {@code key[keyOffset..keyOffset + keyLength)} and the value {@code value[valueOffset..valueOffset +
   * valueLength)}: ranges of the caller's buffers, such as a protocol decoder's, which an engine may
   * copy the item from without making arrays of them first.
   */
  default StoreResult store(StoreMode mode, byte[] key, int keyOffset, int keyLength, int flags, long expiresAt,
      byte[] value, int valueOffset, int valueLength, long expectedCas, boolean invalidate, ItemVisitor stored) {
    return store(mode, Arrays.copyOfRange(key, keyOffset, keyOffset + keyLength), flags, expiresAt,
        Arrays.copyOfRange(value, valueOffset, valueOffset + valueLength), expectedCas, invalidate, stored);
  }

  /**
   * Removes the item under {@code key} after a store was refused as {@link StoreResult#TOO_LARGE}, as
   * memcached does for {@code set}, so that a stale value does not outlive a failed overwrite.
   */
  default void invalidate(byte[] key) {
    delete(key);
  }

  /** Removes {@code key}; returns whether a live item was removed. */
  default boolean delete(byte[] key) {
    return delete(key, 0) == ChangeResult.CHANGED;
  }

  /** Removes {@code key} if its CAS unique is {@code expectedCas}, or whatever it is when that is 0. */
  ChangeResult delete(byte[] key, long expectedCas);

  /** For {@link #markStale}: leave the item's expiry as it is. */
  long KEEP_EXPIRY = -1;

  /**
   * Invalidates {@code key} without removing it (memcached's {@code md <key> I}): the item is marked
   * stale, its win-token mark is cleared so that the next reader may win the right to recompute it,
   * it gets a new CAS unique and, unless {@code expiresAt} is {@link #KEEP_EXPIRY}, a new expiry.
   * Guarded by {@code expectedCas} as {@link #delete(byte[], long)} is.
   */
  ChangeResult markStale(byte[] key, long expectedCas, long expiresAt);

  /**
   * Adds {@code delta} to (or, with {@code increment} false, subtracts it from) the decimal 64-bit
   * unsigned number stored under {@code key}. Increments wrap at 2^64; decrements stop at zero. A
   * result shorter than the stored number is padded with spaces to the old length, as memcached does.
   */
  default Arithmetic incrementOrDecrement(byte[] key, boolean increment, long delta) {
    return applyDelta(key, increment, delta, 0, null, ItemEditor.NONE);
  }

  /**
   * incr/decr as {@link #incrementOrDecrement}, with the options of memcached's binary and meta
   * protocols: a non-zero {@code expectedCas} must equal the item's CAS unique ({@link
   * Arithmetic.Status#EXISTS} otherwise); on a miss, a non-null {@code onMiss} stores its initial value
   * (flags 0) and answers {@link Arithmetic.Status#CREATED}. {@code editor} is then shown the new or
   * created item under the key's lock.
   */
  Arithmetic applyDelta(byte[] key, boolean increment, long delta, long expectedCas, InitialValue onMiss,
      ItemEditor editor);

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
