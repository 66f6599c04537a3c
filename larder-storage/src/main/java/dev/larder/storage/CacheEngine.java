package dev.larder.storage;

import java.nio.ByteBuffer;

/**
 * A protocol-neutral cache of byte keys and byte values.
 *
 * <p>Every method is thread-safe and atomic for its key. Expiry times are absolute epoch milliseconds
 * as produced by {@link Expiry}: {@code 0} means never. Items are read through an {@link ItemVisitor}
 * so that an engine can hand out its own memory, with no copy and no object per item; the view is
 * valid only while the visitor runs.
 */
public interface CacheEngine extends AutoCloseable {

  /**
   * Looks the key {@code key[keyOffset..keyOffset + keyLength)} up; on a hit shows the item to {@code
   * visitor} before returning. Keys are ranges of the caller's arrays, such as a protocol decoder's
   * buffers, so that a request need not copy its key out first; each method has a form taking a whole
   * array too.
   */
  Lookup get(byte[] key, int keyOffset, int keyLength, ItemVisitor visitor);

  /** As {@link #get(byte[], int, int, ItemVisitor)}, the key being the whole of {@code key}. */
  default Lookup get(byte[] key, ItemVisitor visitor) {
    return get(key, 0, key.length, visitor);
  }

  /** As {@link #get(byte[], int, int, ItemVisitor)}, and on a hit sets the item's expiry to {@code expiresAt} first. */
  Lookup getAndTouch(byte[] key, int keyOffset, int keyLength, long expiresAt, ItemVisitor visitor);

  default Lookup getAndTouch(byte[] key, long expiresAt, ItemVisitor visitor) {
    return getAndTouch(key, 0, key.length, expiresAt, visitor);
  }

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
      Lookup lookup = touch
          ? getAndTouch(keys.array(i), keys.offset(i), keys.length(i), expiresAt, hit)
          : get(keys.array(i), keys.offset(i), keys.length(i), hit);
      if (!lookup.hit()) {
        visitor.missed(i, lookup);
      }
    }
  }

  /**
   * Looks the key up and shows the item, with what the engine knows of its use and its lease state, to
   * {@code editor}, which may change its expiry and lease state; all under the key's lock.
   *
   * @param createIfMissing on a miss, first store an empty item (flags 0, never expiring) and show it
   *     as created; a full cache with evictions disabled leaves it a miss
   * @param recordAccess whether this lookup counts as a read (marks the item fetched, sets its last
   *     access, counts towards keeping it); the editor sees the item as it was before, either way
   * @return {@link Lookup#HIT} when the editor was called, created or not
   */
  Lookup edit(byte[] key, int keyOffset, int keyLength, boolean createIfMissing, boolean recordAccess,
      ItemEditor editor);

  default Lookup edit(byte[] key, boolean createIfMissing, boolean recordAccess, ItemEditor editor) {
    return edit(key, 0, key.length, createIfMissing, recordAccess, editor);
  }

  /**
   * Edits every key in order, as {@link #edit} would one after another with the arguments {@code
   * editor} gives for each, and tells {@code editor} how each ended. Each edit is atomic for its key,
   * as {@link #edit} is; an engine may make several under one lock and bring their memory into the CPU
   * cache together, as {@link #getAll} does. (This default allocates an editor per key, as
   * {@link #getAll}'s does a visitor; an engine that serves requests overrides both.)
   */
  default void editAll(KeyList keys, MultiItemEditor editor) {
    for (int i = 0; i < keys.size(); i++) {
      int index = i;
      Lookup lookup = edit(keys.array(i), keys.offset(i), keys.length(i), editor.createIfMissing(i),
          editor.recordAccess(i), (item, created) -> editor.edit(index, item, created));
      if (!lookup.hit()) {
        editor.missed(i, lookup);
      }
    }
  }

  /**
   * Stores the bytes between {@code value}'s position and limit under the key by the rules of {@code
   * mode}, with memcached's full CAS rules; {@code value} is read, not moved, and may be any buffer: a
   * protocol decoder's array or the memory its request arrived in. For {@link StoreMode#APPEND} and
   * {@link StoreMode#PREPEND} the existing flags and expiry are kept and {@code flags}/{@code expiresAt}
   * are ignored. {@code expectedCas} is read by {@link StoreMode#CAS}, and when non-zero also guards
   * {@link StoreMode#APPEND} and {@link StoreMode#PREPEND} ({@link StoreResult#EXISTS} when it
   * differs); with {@code invalidate}, a {@link StoreMode#CAS} store whose non-zero {@code expectedCas}
   * is <em>older</em> than the item's stores anyway, as a stale item that keeps the old item's expiry
   * and win-token mark. On {@link StoreResult#STORED} the new item is shown to {@code stored} (for its
   * CAS unique).
   */
  StoreResult store(StoreMode mode, byte[] key, int keyOffset, int keyLength, int flags, long expiresAt,
      ByteBuffer value, long expectedCas, boolean invalidate, ItemVisitor stored);

  default StoreResult store(StoreMode mode, byte[] key, int flags, long expiresAt, byte[] value, long expectedCas,
      boolean invalidate, ItemVisitor stored) {
    return store(mode, key, 0, key.length, flags, expiresAt, ByteBuffer.wrap(value), expectedCas, invalidate, stored);
  }

  /** Stores as the full {@code store} does, without stale stores and without showing the item. */
  default StoreResult store(StoreMode mode, byte[] key, int flags, long expiresAt, byte[] value, long expectedCas) {
    return store(mode, key, flags, expiresAt, value, expectedCas, false, item -> {});
  }

  /**
   * Removes the item under {@code key} after a store was refused as {@link StoreResult#TOO_LARGE}, as
   * memcached does for {@code set}, so that a stale value does not outlive a failed overwrite.
   */
  default void invalidate(byte[] key) {
    delete(key);
  }

  /**
   * Removes the key's item if its CAS unique is {@code expectedCas}, or whatever it is when that is 0.
   */
  ChangeResult delete(byte[] key, int keyOffset, int keyLength, long expectedCas);

  default ChangeResult delete(byte[] key, long expectedCas) {
    return delete(key, 0, key.length, expectedCas);
  }

  /** Removes {@code key}; returns whether a live item was removed. */
  default boolean delete(byte[] key) {
    return delete(key, 0) == ChangeResult.CHANGED;
  }

  /** For {@link #markStale}: leave the item's expiry as it is. */
  long KEEP_EXPIRY = -1;

  /**
   * Invalidates the key without removing it (memcached's {@code md <key> I}): the item is marked
   * stale, its win-token mark is cleared so that the next reader may win the right to recompute it,
   * it gets a new CAS unique and, unless {@code expiresAt} is {@link #KEEP_EXPIRY}, a new expiry.
   * Guarded by {@code expectedCas} as {@link #delete(byte[], int, int, long)} is.
   */
  ChangeResult markStale(byte[] key, int keyOffset, int keyLength, long expectedCas, long expiresAt);

  default ChangeResult markStale(byte[] key, long expectedCas, long expiresAt) {
    return markStale(key, 0, key.length, expectedCas, expiresAt);
  }

  /**
   * Adds {@code delta} to (or, with {@code increment} false, subtracts it from) the decimal 64-bit
   * unsigned number stored under the key. Increments wrap at 2^64; decrements stop at zero. A result
   * shorter than the stored number is padded with spaces to the old length, as memcached does. With
   * the options of memcached's binary and meta protocols: a non-zero {@code expectedCas} must equal the
   * item's CAS unique ({@link Arithmetic.Status#EXISTS} otherwise); on a miss, a non-null {@code
   * onMiss} stores its initial value (flags 0) and answers {@link Arithmetic.Status#CREATED}. On
   * {@link Arithmetic.Status#OK} and {@link Arithmetic.Status#CREATED}, {@code editor} is shown the new
   * or created item under the key's lock; {@link Arithmetic#numberIn} reads the number from it.
   */
  Arithmetic.Status applyDelta(byte[] key, int keyOffset, int keyLength, boolean increment, long delta,
      long expectedCas, InitialValue onMiss, ItemEditor editor);

  /** As the range form, returning the new number too, in an object of its own. */
  default Arithmetic applyDelta(byte[] key, boolean increment, long delta, long expectedCas, InitialValue onMiss,
      ItemEditor editor) {
    long[] number = new long[1];
    Arithmetic.Status status = applyDelta(key, 0, key.length, increment, delta, expectedCas, onMiss,
        (item, created) -> {
          number[0] = Arithmetic.numberIn(item);
          editor.edit(item, created);
        });
    return Arithmetic.of(status, number[0]);
  }

  /** incr/decr with no options: no CAS guard, a miss stays a miss. */
  default Arithmetic incrementOrDecrement(byte[] key, boolean increment, long delta) {
    return applyDelta(key, increment, delta, 0, null, ItemEditor.NONE);
  }

  /** Sets the expiry of the key's live item; returns whether there was one. */
  boolean touch(byte[] key, int keyOffset, int keyLength, long expiresAt);

  default boolean touch(byte[] key, long expiresAt) {
    return touch(key, 0, key.length, expiresAt);
  }

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
