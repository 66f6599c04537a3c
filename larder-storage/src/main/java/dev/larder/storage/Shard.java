package dev.larder.storage;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shard of a {@link SegmentEngine}: the keys whose hash falls here, their segments and their
 * index, all behind one lock, which makes every operation atomic for its key. The rules of each
 * operation mirror {@link ReferenceEngine}'s, which tests hold this class to.
 *
 * <p>Items are appended to the write segment. When no page is free, room comes from, in order: a
 * segment whose items are all gone, expired or flushed (proactive reclaim); then, with evictions, the
 * oldest segment, whose items read since their last pass are moved to its start with their read
 * count decayed and the rest dropped (segment-level CLOCK: one-hit wonders leave first); without
 * evictions, the segment with the fewest live bytes, compacted. The compacted segment, stamped with a
 * new generation, becomes the write segment. A segment holding pinned values ({@link ItemView#pin})
 * is passed over until they are unpinned: a value's bytes never change after it is written, except
 * when its segment is compacted or reused. Methods named {@code locked...} expect the caller to hold
 * {@link #lock}.
 */
final class Shard {
  /** How many oldest segments one store may compact keeping read items before it drops them all. */
  private static final int SECOND_CHANCES = 2;

  /** Which live items a segment walk keeps. */
  private enum Keep {
    /** Every live item: compaction without eviction. */
    LIVE,
    /** Live items read since the last walk, whose read count is decayed. */
    READ,
    /** None: the segment is emptied. */
    NONE
  }

  /**
   * A monitor, not a {@code ReentrantLock}: it is held for a lookup or a store, well under a
   * microsecond, and the JVM spins on a contended monitor before it parks, where a
   * {@code ReentrantLock} parks at once. Two event loops taking turns on one shard (a multi-get takes
   * it once per key) spent more time in futex calls and context switches than in the shard.
   */
  private final Object lock = new Object();
  private final EngineConfig config;
  private final AtomicLong generations;
  private final Segments segments;
  private final HashIndex index;
  private final ItemLayout.Cursor cursor = new ItemLayout.Cursor();
  private final View view = new View();
  /** incr/decr's number, read and written under the lock. */
  private final DecimalValue number = new DecimalValue();
  private final HashIndex.KeyMatcher keyMatcher = this::keyAt;
  private final byte[] keyScratch = new byte[ItemLayout.MAX_KEY_LENGTH];
  /** The tags of the linked items in a compaction's current batch ({@link #lockedPrefetchSlots}). */
  private final int[] batchTags = new int[COMPACTION_BATCH];
  /**
   * A compaction finds its items' index slots this many at a time: enough to overlap their cache
   * misses, few enough that the slots are still cached when it gets to them.
   */
  private static final int COMPACTION_BATCH = 32;
  /** Appended to an item's value to copy it unchanged. */
  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();

  /** The data segment new items go to; -1 when none is open. */
  private int writePage = -1;
  /** The highest CAS unique given out here; a flush hides every item up to it. */
  private long issuedCas;
  /** Items whose CAS unique is at most this were flushed. */
  private long flushedUpToCas;
  /** When a delayed {@code flush_all} takes effect; 0 when none is pending. */
  private long pendingFlushAt;
  /** Counts the times items moved or left while making room, after which index positions are stale. */
  private long relocations;
  /** Bytes of the items the index points at. */
  private long itemBytes;
  /** Written by {@link #lockedPrefetch} and {@link #lockedPrefetchSlots} only, to keep their reads. */
  private int prefetched;
  /** The index slots {@link #lockedPrefetch} read, kept for its second loop. */
  private long[] prefetchSlots = new long[0];
  /** Whether the item {@link #lockedFindOrCreate} last left in {@link #cursor} was created by it. */
  private boolean created;

  private long totalItems;
  private long evicted;
  private long expiredUnfetched;
  private long evictedUnfetched;
  private long reclaimed;
  private long outOfMemory;

  Shard(EngineConfig config, int pageSize, int budgetPages, AtomicLong generations) {
    this.config = config;
    this.generations = generations;
    this.segments = new Segments(pageSize, budgetPages);
    this.index = new HashIndex(segments);
  }

  /** A lookup of the key {@code key[keyOffset..keyOffset + keyLength)}, shown to {@code visitor} on a hit. */
  Lookup lookup(byte[] key, int keyOffset, int keyLength, long hash, boolean touch, long expiresAt,
      ItemVisitor visitor) {
    synchronized (lock) {
      long now = lockedNow();
      Lookup lookup = lockedLookup(key, keyOffset, keyLength, hash, touch, expiresAt, now);
      if (lookup.hit()) {
        visitor.visit(view.show(cursor, now));
      }
      return lookup;
    }
  }

  /**
   * Looks up the keys whose hashes are {@code hashes[from..to)}, key {@code i} being key {@code first +
   * i} of {@code keys}, as {@link #lookup} does each, under one hold of the lock; with {@code prefetch},
   * first brings their memory into the CPU cache as {@link #prefetch} does.
   */
  void lookupAll(KeyList keys, int first, long[] hashes, int from, int to, boolean touch, long expiresAt,
      boolean prefetch, MultiLookupVisitor visitor) {
    synchronized (lock) {
      if (prefetch) {
        lockedPrefetch(hashes, from, to);
      }
      long now = lockedNow();
      for (int i = from; i < to; i++) {
        int key = first + i;
        Lookup lookup =
            lockedLookup(keys.array(key), keys.offset(key), keys.length(key), hashes[i], touch, expiresAt, now);
        if (lookup.hit()) {
          visitor.hit(key, view.show(cursor, now));
        } else {
          visitor.missed(key, lookup);
        }
      }
    }
  }

  /**
   * A lookup of {@code key[keyOffset..keyOffset + keyLength)} that on a hit leaves the item in {@link
   * #cursor}, its access recorded.
   */
  private Lookup lockedLookup(byte[] key, int keyOffset, int keyLength, long hash, boolean touch, long expiresAt,
      long now) {
    long pos = index.find(HashIndex.tag(hash), key, keyOffset, keyLength, keyMatcher);
    if (pos < 0) {
      return Lookup.MISS;
    }
    ItemLayout.Cursor item = lockedRead(pos);
    Lookup dead = lockedDeadness(item, now);
    if (dead != null) {
      lockedRemoveDead(pos, item, dead);
      return dead;
    }
    if (touch) {
      lockedSetExpiry(item, expiresAt);
    }
    lockedRecordAccess(item, now);
    return Lookup.HIT;
  }

  /** As {@link #lookupAll}'s prefetch, for keys whose lookups follow under other holds of the lock. */
  void prefetch(long[] hashes, int from, int to) {
    synchronized (lock) {
      lockedPrefetch(hashes, from, to);
    }
  }

  /**
   * Reads the index slots where lookups of {@code hashes[from..to)} will start, then the first byte of
   * the items they point at, each in a loop of its own. Reads that do not wait on each other overlap
   * their cache misses, where lookups one after another would each wait for two misses in turn; so a
   * multi-get looks its keys up from the cache.
   */
  private void lockedPrefetch(long[] hashes, int from, int to) {
    int count = to - from;
    if (prefetchSlots.length < count) {
      prefetchSlots = new long[count];
    }
    for (int i = 0; i < count; i++) {
      prefetchSlots[i] = index.homeSlot(HashIndex.tag(hashes[from + i]));
    }
    int touched = 0;
    for (int i = 0; i < count; i++) {
      long location = prefetchSlots[i] & HashIndex.LOCATION_MASK;
      if (prefetchSlots[i] != 0) {
        touched += segments.page(HashIndex.pageOf(location)).get(HashIndex.offsetOf(location));
      }
    }
    prefetched = touched; // a use of what was read, so that the reads stay
  }

  /** {@link CacheEngine#edit} of the key {@code key[keyOffset..keyOffset + keyLength)}. */
  Lookup edit(byte[] key, int keyOffset, int keyLength, long hash, boolean createIfMissing, boolean recordAccess,
      ItemEditor editor) {
    synchronized (lock) {
      long now = lockedNow();
      Lookup lookup = lockedFindOrCreate(key, keyOffset, keyLength, hash, createIfMissing, now);
      if (lookup.hit()) {
        editor.edit(view.show(cursor, now), created);
        if (recordAccess) {
          lockedRecordAccess(cursor, now);
        }
      }
      return lookup;
    }
  }

  /**
   * Edits the keys whose hashes are {@code hashes[from..to)}, key {@code i} being key {@code first + i}
   * of {@code keys}, as {@link #edit} does each, under one hold of the lock; with {@code prefetch},
   * first brings their memory into the CPU cache as {@link #prefetch} does.
   */
  void editAll(KeyList keys, int first, long[] hashes, int from, int to, boolean prefetch, MultiItemEditor editor) {
    synchronized (lock) {
      if (prefetch) {
        lockedPrefetch(hashes, from, to);
      }
      long now = lockedNow();
      for (int i = from; i < to; i++) {
        int key = first + i;
        Lookup lookup = lockedFindOrCreate(keys.array(key), keys.offset(key), keys.length(key), hashes[i],
            editor.createIfMissing(key), now);
        if (!lookup.hit()) {
          editor.missed(key, lookup);
          continue;
        }
        editor.edit(key, view.show(cursor, now), created);
        if (editor.recordAccess(key)) {
          lockedRecordAccess(cursor, now);
        }
      }
    }
  }

  /**
   * An edit's lookup: on a hit leaves the live item in {@link #cursor}, or with {@code createIfMissing}
   * creates an empty one there on a miss, and sets {@link #created} to say which.
   */
  private Lookup lockedFindOrCreate(byte[] key, int keyOffset, int keyLength, long hash, boolean createIfMissing,
      long now) {
    int tag = HashIndex.tag(hash);
    long pos = index.find(tag, key, keyOffset, keyLength, keyMatcher);
    Lookup dead = null;
    if (pos >= 0) {
      dead = lockedDeadness(lockedRead(pos), now);
      if (dead != null) {
        lockedRemoveDead(pos, cursor, dead);
        pos = -1;
      }
    }
    created = pos < 0 && createIfMissing && lockedCreateEmpty(key, keyOffset, keyLength, tag, now);
    if (pos >= 0 || created) {
      return Lookup.HIT;
    }
    return dead != null ? dead : Lookup.MISS;
  }

  /**
   * Stores an empty item under the key {@code key[offset..offset + length)} and leaves {@link #cursor}
   * on it; false if it finds no room.
   */
  private boolean lockedCreateEmpty(byte[] key, int offset, int length, int tag, long now) {
    if (!fitsSegment(length, 0, 0) || !lockedMakeRoom(ItemLayout.size(length, 0, 0), now)) {
      outOfMemory++;
      return false;
    }
    lockedWrite(-1, tag, key, offset, length, 0, 0, NOTHING, StoreMode.SET, 0, now);
    return true;
  }

  /**
   * Stores the key {@code key[keyOffset..keyOffset + keyLength)} with the value between {@code value}'s
   * position and limit, as {@link CacheEngine#store} says.
   */
  StoreResult store(StoreMode mode, byte[] key, int keyOffset, int keyLength, long hash, int flags, long expiresAt,
      ByteBuffer value, long expectedCas, boolean invalidate, ItemVisitor stored) {
    synchronized (lock) {
      long now = lockedNow();
      int tag = HashIndex.tag(hash);
      long pos = lockedLive(key, keyOffset, keyLength, tag, now);
      ItemLayout.Cursor existing = pos < 0 ? null : cursor;
      boolean storesStale = false;
      switch (mode) {
        case ADD:
          if (existing != null) {
            lockedBump(existing, now); // memcached bumps the item an add failed on
            return StoreResult.NOT_STORED;
          }
          break;
        case REPLACE:
          if (existing == null) {
            return StoreResult.NOT_STORED;
          }
          break;
        case APPEND:
        case PREPEND:
          if (existing == null) {
            return StoreResult.NOT_STORED;
          }
          if (expectedCas != 0 && lockedCasOf(existing) != expectedCas) {
            return StoreResult.EXISTS;
          }
          break;
        case CAS:
          if (existing == null) {
            return StoreResult.NOT_FOUND;
          }
          long cas = lockedCasOf(existing);
          storesStale = invalidate && expectedCas != 0 && Long.compareUnsigned(expectedCas, cas) < 0;
          if (cas != expectedCas && !storesStale) {
            return StoreResult.EXISTS;
          }
          break;
        case SET:
          break;
      }
      boolean joins = mode == StoreMode.APPEND || mode == StoreMode.PREPEND;
      int newLength = joins ? existing.valueLength + value.remaining() : value.remaining();
      int newFlags = joins ? existing.flags : flags;
      long expirySeconds = joins || storesStale ? existing.expirySeconds : ItemLayout.toSeconds(expiresAt);
      int bits = storesStale ? ItemLayout.STALE | existing.bits & ItemLayout.WIN_TOKEN_SENT : 0;
      if (!config.fitsItemSize(keyLength, newLength) || !fitsSegment(keyLength, newLength, newFlags)) {
        return StoreResult.TOO_LARGE;
      }
      long before = relocations;
      if (!lockedMakeRoom(ItemLayout.size(keyLength, newLength, newFlags), now)) {
        outOfMemory++;
        return StoreResult.NO_MEMORY;
      }
      if (relocations != before) {
        pos = lockedFindAgain(key, keyOffset, keyLength, tag);
        if (pos < 0 && mode != StoreMode.SET && mode != StoreMode.ADD) {
          // making room evicted the item this store depended on
          return mode == StoreMode.CAS ? StoreResult.NOT_FOUND : StoreResult.NOT_STORED;
        }
      }
      lockedWrite(pos, tag, key, keyOffset, keyLength, newFlags, expirySeconds, value, joins ? mode : StoreMode.SET,
          bits, now);
      stored.visit(view.show(cursor, now));
      return StoreResult.STORED;
    }
  }

  ChangeResult delete(byte[] key, int keyOffset, int keyLength, long hash, long expectedCas) {
    synchronized (lock) {
      long pos = lockedLive(key, keyOffset, keyLength, HashIndex.tag(hash), lockedNow());
      ChangeResult guard = lockedGuard(pos, expectedCas);
      if (guard == ChangeResult.CHANGED) {
        lockedUnlink(pos, cursor);
      }
      return guard;
    }
  }

  /** A stale copy of the item replaces it: a new CAS unique needs a new place in a segment. */
  ChangeResult markStale(byte[] key, int keyOffset, int keyLength, long hash, long expectedCas, long expiresAt) {
    synchronized (lock) {
      long now = lockedNow();
      int tag = HashIndex.tag(hash);
      long pos = lockedLive(key, keyOffset, keyLength, tag, now);
      ChangeResult guard = lockedGuard(pos, expectedCas);
      if (guard != ChangeResult.CHANGED) {
        return guard;
      }
      long expirySeconds = expiresAt == CacheEngine.KEEP_EXPIRY ? cursor.expirySeconds : ItemLayout.toSeconds(expiresAt);
      int bits = ItemLayout.STALE | cursor.bits & ItemLayout.FETCHED;
      long lastAccess = ItemLayout.lastAccessMillis(cursor.accessStamp, now);
      int flags = cursor.flags;
      long before = relocations;
      if (!lockedMakeRoom(ItemLayout.size(keyLength, cursor.valueLength, flags), now)) {
        outOfMemory++;
        return ChangeResult.NOT_FOUND; // only with -M: no room for the copy
      }
      if (relocations != before && (pos = lockedFindAgain(key, keyOffset, keyLength, tag)) < 0) {
        return ChangeResult.NOT_FOUND; // making room evicted it
      }
      lockedWrite(pos, tag, key, keyOffset, keyLength, flags, expirySeconds, NOTHING, StoreMode.APPEND, bits,
          lastAccess);
      totalItems--; // the same item, moved; memcached changes it in place
      return ChangeResult.CHANGED;
    }
  }

  /** Whether a change guarded by {@code expectedCas} (0: none) may go ahead on the live item at {@code pos}. */
  private ChangeResult lockedGuard(long pos, long expectedCas) {
    if (pos < 0) {
      return ChangeResult.NOT_FOUND;
    }
    return expectedCas == 0 || lockedCasOf(cursor) == expectedCas ? ChangeResult.CHANGED : ChangeResult.EXISTS;
  }

  Arithmetic.Status applyDelta(byte[] key, int keyOffset, int keyLength, long hash, boolean increment, long delta,
      long expectedCas, InitialValue onMiss, ItemEditor editor) {
    synchronized (lock) {
      long now = lockedNow();
      int tag = HashIndex.tag(hash);
      long pos = lockedLive(key, keyOffset, keyLength, tag, now);
      if (pos < 0) {
        return onMiss == null
            ? Arithmetic.Status.NOT_FOUND
            : lockedCreateNumber(key, keyOffset, keyLength, tag, onMiss, editor, now);
      }
      // memcached checks the CAS unique between refusing an empty value and parsing the number.
      if (expectedCas != 0 && cursor.valueLength > 0 && lockedCasOf(cursor) != expectedCas) {
        return Arithmetic.Status.EXISTS;
      }
      if (!number.parse(view.show(cursor, now).value())) {
        return Arithmetic.Status.NON_NUMERIC;
      }
      long current = number.value();
      long result = increment
          ? current + delta
          : Long.compareUnsigned(delta, current) > 0 ? 0 : current - delta;
      ByteBuffer digits = number.format(result, cursor.valueLength);
      int flags = cursor.flags;
      long expirySeconds = cursor.expirySeconds;
      // memcached changes the number in place: the item keeps its use and lease state.
      int bits = cursor.bits & ItemLayout.COPIED_BITS;
      long before = relocations;
      if (!lockedMakeRoom(ItemLayout.size(keyLength, digits.remaining(), flags), now)) {
        outOfMemory++;
        return Arithmetic.Status.NOT_FOUND; // only with -M: no room for the new value
      }
      if (relocations != before && (pos = lockedFindAgain(key, keyOffset, keyLength, tag)) < 0) {
        return Arithmetic.Status.NOT_FOUND; // making room evicted it
      }
      lockedWrite(pos, tag, key, keyOffset, keyLength, flags, expirySeconds, digits, StoreMode.SET, bits, now);
      editor.edit(view.show(cursor, now), false);
      return Arithmetic.Status.OK;
    }
  }

  private Arithmetic.Status lockedCreateNumber(byte[] key, int keyOffset, int keyLength, int tag, InitialValue initial,
      ItemEditor editor, long now) {
    ByteBuffer digits = number.format(initial.value(), 0);
    if (!lockedMakeRoom(ItemLayout.size(keyLength, digits.remaining(), 0), now)) {
      outOfMemory++;
      return Arithmetic.Status.NOT_FOUND; // only with -M: no room for it
    }
    lockedWrite(-1, tag, key, keyOffset, keyLength, 0, ItemLayout.toSeconds(initial.expiresAt()), digits,
        StoreMode.SET, 0, now);
    editor.edit(view.show(cursor, now), true);
    return Arithmetic.Status.CREATED;
  }

  boolean touch(byte[] key, int keyOffset, int keyLength, long hash, long expiresAt) {
    synchronized (lock) {
      long now = lockedNow();
      long pos = lockedLive(key, keyOffset, keyLength, HashIndex.tag(hash), now);
      if (pos < 0) {
        return false;
      }
      lockedSetExpiry(cursor, expiresAt);
      lockedBump(cursor, now);
      return true;
    }
  }

  void flushAll(long atMillis) {
    synchronized (lock) {
      if (atMillis <= config.clock().millis()) {
        flushedUpToCas = issuedCas;
        pendingFlushAt = 0;
      } else {
        pendingFlushAt = atMillis;
      }
    }
  }

  /** Changes this shard's share of the memory limit, evicting until it fits. */
  void setBudget(int pages) {
    synchronized (lock) {
      long now = lockedNow();
      segments.setBudget(pages);
      if (segments.overBudget()) {
        writePage = -1; // the write segment may go too
      }
      lockedFitBudget(now);
    }
  }

  /**
   * Evicts whole segments while more pages are in use than the budget allows; pinned ones stay, so a
   * lowered limit may be reached only by later stores.
   */
  private void lockedFitBudget(long now) {
    while (segments.overBudget() && lockedFreeDataPage(now, true)) {
      relocations++;
    }
  }

  /** This shard's counters; the engine adds up the shards' and fills in the limit. */
  EngineStats stats() {
    synchronized (lock) {
      long now = lockedNow();
      long oldest = now;
      for (int p = 0; p < segments.pageSlots(); p++) {
        if (segments.use(p) == Segments.DATA && segments.liveItems(p) > 0) {
          oldest = Math.min(oldest, segments.startedMillis(p));
        }
      }
      return new EngineStats(index.size(), totalItems, itemBytes + index.size() * Long.BYTES, 0,
          evicted, expiredUnfetched, evictedUnfetched, reclaimed, outOfMemory, (now - oldest) / 1000);
    }
  }

  void close() {
    synchronized (lock) {
      segments.clear();
      index.clear();
      writePage = -1;
      itemBytes = 0;
    }
  }

  private boolean fitsSegment(int keyLength, int valueLength, int flags) {
    return keyLength <= ItemLayout.MAX_KEY_LENGTH
        && ItemLayout.size(keyLength, valueLength, flags) <= segments.pageSize();
  }

  /** The current time, first applying a delayed flush whose time has come. */
  private long lockedNow() {
    long now = config.clock().millis();
    if (pendingFlushAt != 0 && now >= pendingFlushAt) {
      flushedUpToCas = issuedCas;
      pendingFlushAt = 0;
    }
    return now;
  }

  /** The index's key matcher: whether the item at {@code location} has {@code key[offset..offset + length)}. */
  private boolean keyAt(long location, byte[] key, int offset, int length) {
    return ItemLayout.keyEquals(
        segments.page(HashIndex.pageOf(location)), HashIndex.offsetOf(location), key, offset, length);
  }

  /** Points {@link #cursor} at the item of the slot at {@code pos}. */
  private ItemLayout.Cursor lockedRead(long pos) {
    long location = index.locationAt(pos);
    int page = HashIndex.pageOf(location);
    return cursor.read(segments.page(page), page, HashIndex.offsetOf(location));
  }

  /**
   * The slot of the live item under the key {@code key[offset..offset + length)}, left in {@link
   * #cursor}; -1, removing a dead one.
   */
  private long lockedLive(byte[] key, int offset, int length, int tag, long now) {
    long pos = index.find(tag, key, offset, length, keyMatcher);
    if (pos < 0) {
      return -1;
    }
    ItemLayout.Cursor item = lockedRead(pos);
    Lookup dead = lockedDeadness(item, now);
    if (dead != null) {
      lockedRemoveDead(pos, item, dead);
      return -1;
    }
    return pos;
  }

  /**
   * After making room: the slot of the item of the key {@code key[offset..offset + length)}, left in
   * {@link #cursor}, or -1 if evicted.
   */
  private long lockedFindAgain(byte[] key, int offset, int length, int tag) {
    long pos = index.find(tag, key, offset, length, keyMatcher);
    if (pos >= 0) {
      lockedRead(pos);
    }
    return pos;
  }

  private long lockedCasOf(ItemLayout.Cursor item) {
    return segments.casOf(item.pageNumber, item.offset);
  }

  private Lookup lockedDeadness(ItemLayout.Cursor item, long now) {
    return deadness(lockedCasOf(item), item, now);
  }

  /** {@link Lookup#EXPIRED} or {@link Lookup#FLUSHED} for a dead item, null for a live one. */
  private Lookup deadness(long cas, ItemLayout.Cursor item, long now) {
    if (cas <= flushedUpToCas) {
      return Lookup.FLUSHED;
    }
    return Expiry.isExpired(item.expiresAtMillis(), now) ? Lookup.EXPIRED : null;
  }

  private void lockedRemoveDead(long pos, ItemLayout.Cursor item, Lookup why) {
    lockedUnlink(pos, item);
    countReclaimed(item, why);
  }

  private void countReclaimed(ItemLayout.Cursor item, Lookup why) {
    reclaimed++;
    if (why == Lookup.EXPIRED && !item.has(ItemLayout.FETCHED)) {
      expiredUnfetched++;
    }
  }

  /** Removes the slot at {@code pos}, whose item is {@code item}. */
  private void lockedUnlink(long pos, ItemLayout.Cursor item) {
    index.remove(pos);
    lockedForget(item);
  }

  /** Marks an item the index no longer points at. */
  private void lockedForget(ItemLayout.Cursor item) {
    item.mark(ItemLayout.UNLINKED);
    segments.unlink(item.pageNumber, item.size);
    itemBytes -= item.size;
  }

  /** A read: the item counts as fetched, and {@link #lockedBump bumped}. */
  private static void lockedRecordAccess(ItemLayout.Cursor item, long now) {
    item.mark(ItemLayout.FETCHED);
    lockedBump(item, now);
  }

  /** The item was used now: it counts as accessed, and read once more towards keeping it. */
  private static void lockedBump(ItemLayout.Cursor item, long now) {
    item.writeAccess(now);
    item.countRead();
  }

  private void lockedSetExpiry(ItemLayout.Cursor item, long expiresAt) {
    long seconds = ItemLayout.toSeconds(expiresAt);
    item.writeExpiry(seconds);
    segments.noteExpiry(item.pageNumber, seconds);
  }

  /**
   * Appends a new version of {@code key} to the write segment, which has room, and points the index
   * at it; leaves {@link #cursor} on it. Its value is {@code value}'s remaining bytes, after ({@link StoreMode#APPEND})
   * or before ({@link StoreMode#PREPEND}) the value of the current item in {@link #cursor}. {@code pos}
   * is the current item's slot, -1 for a new key. {@code bits} are the header bits it starts with
   * ({@link ItemLayout#FETCHED} and the lease bits); {@code accessedAt} its last access (epoch millis).
   */
  private void lockedWrite(long pos, int tag, byte[] key, int keyOffset, int keyLength, int flags, long expirySeconds,
      ByteBuffer value, StoreMode joining, int bits, long accessedAt) {
    int valueLength = value.remaining();
    int oldLength = joining == StoreMode.SET ? 0 : cursor.valueLength;
    int newLength = oldLength + valueLength;
    int size = ItemLayout.size(keyLength, newLength, flags);
    int page = writePage;
    int offset = segments.append(page, size);
    ByteBuffer buffer = segments.page(page);
    int valueAt = ItemLayout.writeHeaderAndKey(
        buffer, offset, key, keyOffset, keyLength, flags, expirySeconds, newLength, bits, accessedAt);
    if (joining == StoreMode.SET) {
      buffer.put(valueAt, value, value.position(), valueLength);
    } else {
      int valueFirst = joining == StoreMode.PREPEND ? valueAt : valueAt + oldLength;
      int oldFirst = joining == StoreMode.PREPEND ? valueAt + valueLength : valueAt;
      buffer.put(valueFirst, value, value.position(), valueLength);
      buffer.put(oldFirst, segments.view(cursor.pageNumber).clear(), cursor.valueOffset, oldLength);
    }
    long location = HashIndex.location(page, offset);
    if (pos >= 0) {
      lockedForget(cursor);
      index.relocate(pos, location);
    } else {
      index.insert(tag, location);
    }
    segments.link(page, size, expirySeconds);
    itemBytes += size;
    totalItems++;
    issuedCas = Math.max(issuedCas, segments.casOf(page, offset));
    cursor.read(buffer, page, offset);
  }

  /**
   * Makes room for an item of {@code size} bytes and one more index slot (an overwrite may find its
   * old item evicted meanwhile); false if it cannot. Items may move or leave, which {@link
   * #relocations} counts.
   */
  private boolean lockedMakeRoom(int size, long now) {
    lockedFitBudget(now);
    return lockedEnsureIndexRoom(now) && lockedEnsureWriteRoom(size, now);
  }

  private boolean lockedEnsureIndexRoom(long now) {
    if (!index.wantsToGrow()) {
      return true;
    }
    int[] grown = new int[index.grownPageCount()];
    int taken = 0;
    while (taken < grown.length) {
      int page = segments.take(Segments.INDEX);
      if (page >= 0) {
        grown[taken++] = page;
      } else if (!lockedFreeDataPage(now, config.evictions())) {
        break;
      }
    }
    relocations++;
    if (taken < grown.length) {
      for (int i = 0; i < taken; i++) {
        segments.release(grown[i]);
      }
      return !index.isFull(); // a fuller table is slower, but still works
    }
    for (int page : index.rebuildIn(grown)) {
      segments.release(page);
    }
    return true;
  }

  /**
   * Frees one data segment other than the write segment: one whose items are all dead, else with
   * {@code evict} the oldest. False if there is none.
   */
  private boolean lockedFreeDataPage(long now, boolean evict) {
    int victim = lockedDeadSegment(now);
    if (victim < 0 && evict) {
      victim = lockedOldestSegment();
    }
    if (victim < 0) {
      return false;
    }
    lockedCompact(victim, Keep.NONE, now);
    segments.release(victim);
    return true;
  }

  private boolean lockedEnsureWriteRoom(int size, long now) {
    int secondChances = 0;
    while (writePage < 0 || segments.free(writePage) < size) {
      writePage = -1; // seal it: it stays in the cache, and new items go elsewhere
      int page = segments.take(Segments.DATA);
      if (page >= 0) {
        segments.startSegment(page, generations.incrementAndGet(), now);
        writePage = page;
        continue;
      }
      Keep keep = Keep.LIVE;
      int victim = lockedDeadSegment(now);
      if (victim < 0 && config.evictions()) {
        victim = lockedOldestSegment();
        keep = secondChances++ < SECOND_CHANCES ? Keep.READ : Keep.NONE;
      } else if (victim < 0) {
        victim = lockedEmptiestSegment(size);
      }
      if (victim < 0) {
        return false;
      }
      lockedCompact(victim, keep, now);
      writePage = victim;
    }
    return true;
  }

  /**
   * A data segment, not the write segment, whose items are all gone, expired or flushed; or -1. Here
   * and in the other victim searches, pinned segments are passed over: their bytes must stay.
   */
  private int lockedDeadSegment(long now) {
    for (int p = 0; p < segments.pageSlots(); p++) {
      if (segments.use(p) == Segments.DATA && p != writePage && !segments.pinned(p)
          && segments.allDead(p, now, flushedUpToCas)) {
        return p;
      }
    }
    return -1;
  }

  /** The data segment, not the write segment, of the oldest generation; or -1. */
  private int lockedOldestSegment() {
    int oldest = -1;
    for (int p = 0; p < segments.pageSlots(); p++) {
      if (segments.use(p) == Segments.DATA && p != writePage && !segments.pinned(p)
          && (oldest < 0 || segments.generation(p) < segments.generation(oldest))) {
        oldest = p;
      }
    }
    return oldest;
  }

  /** The data segment with the fewest live bytes that compacts to room for {@code size}; or -1. */
  private int lockedEmptiestSegment(int size) {
    int emptiest = -1;
    for (int p = 0; p < segments.pageSlots(); p++) {
      if (segments.use(p) == Segments.DATA && !segments.pinned(p)
          && segments.pageSize() - segments.liveBytes(p) >= size
          && (emptiest < 0 || segments.liveBytes(p) < segments.liveBytes(emptiest))) {
        emptiest = p;
      }
    }
    return emptiest;
  }

  /**
   * Walks data segment {@code page}, dropping dead items (reclaimed) and the live ones {@code keep}
   * does not keep (evicted), moving the kept ones to the segment's start. The segment gets a new
   * generation, so moved items get new CAS uniques, above every earlier one.
   */
  private void lockedCompact(int page, Keep keep, long now) {
    ByteBuffer buffer = segments.page(page);
    long oldGeneration = segments.generation(page);
    int end = segments.used(page);
    segments.startSegment(page, generations.incrementAndGet(), now);
    int batchEnd = 0;
    int batched = 0;
    for (int from = 0; from < end; ) {
      if (from == batchEnd) {
        batchEnd = lockedPrefetchSlots(buffer, page, from, end);
        batched = 0;
      }
      ItemLayout.Cursor item = cursor.read(buffer, page, from);
      int size = item.size;
      if (!item.has(ItemLayout.UNLINKED)) {
        long pos = lockedSlotOf(batchTags[batched++], HashIndex.location(page, from));
        Lookup dead = deadness(oldGeneration << Segments.OFFSET_BITS | from, item, now);
        if (dead == null && keep(item, keep)) {
          int to = segments.append(page, size);
          moveLeft(buffer, from, to, size);
          index.relocate(pos, HashIndex.location(page, to));
          segments.link(page, size, item.expirySeconds);
          issuedCas = Math.max(issuedCas, segments.casOf(page, to));
        } else {
          index.remove(pos);
          itemBytes -= size;
          if (dead != null) {
            countReclaimed(item, dead);
          } else {
            evicted++;
            evictedUnfetched += item.has(ItemLayout.FETCHED) ? 0 : 1;
          }
        }
      }
      from += size;
    }
    relocations++;
  }

  /** Whether a walk keeps a live item; {@link Keep#READ} spends one of its reads. */
  private static boolean keep(ItemLayout.Cursor item, Keep keep) {
    switch (keep) {
      case LIVE:
        return true;
      case READ:
        if (item.frequency() == 0) {
          return false;
        }
        item.writeFrequency(item.frequency() - 1);
        return true;
      default:
        return false;
    }
  }

  /**
   * Reads the tags of up to {@link #COMPACTION_BATCH} linked items of {@code page} from offset {@code
   * from} into {@link #batchTags}, then their home index slots, in two tight loops so that the slots'
   * cache misses overlap; returns the offset after the batch. A compaction moves items only to lower
   * offsets, so the batch's items stay where they were read until it gets to them.
   */
  private int lockedPrefetchSlots(ByteBuffer buffer, int page, int from, int end) {
    int count = 0;
    int at = from;
    while (at < end && count < COMPACTION_BATCH) {
      ItemLayout.Cursor item = cursor.read(buffer, page, at);
      if (!item.has(ItemLayout.UNLINKED)) {
        buffer.get(item.keyOffset, keyScratch, 0, item.keyLength);
        batchTags[count++] = HashIndex.tag(KeyHash.of(keyScratch, 0, item.keyLength));
      }
      at += item.size;
    }
    long touched = 0;
    for (int i = 0; i < count; i++) {
      touched += index.homeSlot(batchTags[i]);
    }
    prefetched = (int) touched; // a use of what was read, so that the reads stay
    return at;
  }

  /** The slot pointing at the linked item at {@code location}, whose key has {@code tag}. */
  private long lockedSlotOf(int tag, long location) {
    long pos = index.findLocation(tag, location);
    if (pos < 0) {
      throw new IllegalStateException("no index slot for a linked item at " + location);
    }
    return pos;
  }

  /** Copies bytes to a lower offset of the same buffer; 8-byte steps read before they overwrite. */
  private static void moveLeft(ByteBuffer buffer, int from, int to, int length) {
    if (from == to) {
      return;
    }
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      buffer.putLong(to + i, buffer.getLong(from + i));
    }
    for (; i < length; i++) {
      buffer.put(to + i, buffer.get(from + i));
    }
  }

  /**
   * A pin of values in one data segment, taken under the lock; closed without it, which can only make
   * the segment a victim again: a victim search that saw the count above zero just passed it over.
   */
  private static final class Pin implements PinnedValue {
    private final AtomicInteger pins;
    private final ByteBuffer bytes;
    private boolean closed;

    Pin(AtomicInteger pins, ByteBuffer bytes) {
      this.pins = pins;
      this.bytes = bytes;
    }

    @Override
    public ByteBuffer bytes() {
      return bytes;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        pins.decrementAndGet();
      }
    }
  }

  /**
   * The one view this shard hands to visitors and editors, valid while they run under the lock; its
   * changes go to the item in {@link #cursor}'s place.
   */
  private final class View implements EditableItem {
    // Only what every visitor reads is copied; the rest is read from the item when asked for.
    private ItemLayout.Cursor item;
    private long now;
    private int page;
    private int valueOffset;
    private int valueLength;
    private int flags;

    View show(ItemLayout.Cursor shown, long nowMillis) {
      item = shown;
      now = nowMillis;
      page = shown.pageNumber;
      valueOffset = shown.valueOffset;
      valueLength = shown.valueLength;
      flags = shown.flags;
      return this;
    }

    @Override
    public int flags() {
      return flags;
    }

    @Override
    public long cas() {
      return lockedCasOf(item);
    }

    @Override
    public long expiresAt() {
      return item.expiresAtMillis();
    }

    @Override
    public ByteBuffer value() {
      ByteBuffer value = segments.view(page);
      value.clear();
      return value.position(valueOffset).limit(valueOffset + valueLength);
    }

    @Override
    public PinnedValue pin() {
      return new Pin(segments.pin(page), value().slice());
    }

    @Override
    public boolean fetched() {
      return item.has(ItemLayout.FETCHED);
    }

    @Override
    public long lastAccessedAt() {
      return ItemLayout.lastAccessMillis(item.accessStamp, now);
    }

    @Override
    public boolean stale() {
      return item.has(ItemLayout.STALE);
    }

    @Override
    public boolean winTokenSent() {
      return item.has(ItemLayout.WIN_TOKEN_SENT);
    }

    @Override
    public long footprint() {
      return item.size + Long.BYTES; // and its index slot
    }

    @Override
    public void expiresAt(long newExpiresAt) {
      lockedSetExpiry(item, newExpiresAt);
    }

    @Override
    public void markWinTokenSent() {
      item.mark(ItemLayout.WIN_TOKEN_SENT);
    }
  }
}
