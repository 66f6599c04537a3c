package dev.larder.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small, obviously correct engine: one lock around an access-ordered {@link LinkedHashMap}, which
 * makes it a strict LRU. It keeps a Java object per item, so it is the oracle that faster engines are
 * tested against rather than the engine for big caches.
 *
 * <p>Every item is charged {@link #ITEM_OVERHEAD} bytes plus its key and value rounded up to the
 * JVM's 8-byte alignment: the map entry, the item and array headers that the heap really spends.
 * Methods named {@code locked...} expect the caller to hold {@link #lock}.
 */
public final class ReferenceEngine implements CacheEngine {
  /** Heap bytes per item beyond key and value: map entry, table slot, key, item and array headers. */
  static final int ITEM_OVERHEAD = 160;

  /** How many of the least recently used items a store may look at for expired ones with {@code -M}. */
  private static final int RECLAIM_SEARCH_DEPTH = 5;

  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<Key, Item> items = new LinkedHashMap<>(1024, 0.75f, true);
  private final EngineConfig config;
  private final boolean evictions;
  private final CacheClock clock;
  /** The one editable view handed to editors, which run under {@link #lock}. */
  private final Edited edited = new Edited();
  /** incr/decr's number, read and written under {@link #lock}. */
  private final DecimalValue number = new DecimalValue();

  private long memoryLimit;
  private long bytes;
  private long nextCas = 1;
  /** Items whose CAS unique is at most this were flushed. */
  private long flushedUpToCas;
  /** When a delayed {@code flush_all} takes effect; 0 when none is pending. */
  private long pendingFlushAt;

  private long totalItems;
  private long evicted;
  private long expiredUnfetched;
  private long evictedUnfetched;
  private long reclaimed;
  private long outOfMemory;

  public ReferenceEngine(EngineConfig config) {
    this.memoryLimit = config.memoryLimit();
    this.config = config;
    this.evictions = config.evictions();
    this.clock = config.clock();
  }

  @Override
  public Lookup get(byte[] key, int keyOffset, int keyLength, ItemVisitor visitor) {
    return lookup(Key.of(key, keyOffset, keyLength), false, 0, visitor);
  }

  @Override
  public Lookup getAndTouch(byte[] key, int keyOffset, int keyLength, long expiresAt, ItemVisitor visitor) {
    return lookup(Key.of(key, keyOffset, keyLength), true, expiresAt, visitor);
  }

  private Lookup lookup(Key k, boolean touch, long expiresAt, ItemVisitor visitor) {
    lock.lock();
    try {
      long now = lockedNow();
      Item item = items.get(k);
      if (item == null) {
        return Lookup.MISS;
      }
      Lookup dead = lockedDeadness(item, now);
      if (dead != null) {
        lockedRemoveDead(k, item, dead);
        return dead;
      }
      if (touch) {
        item.expiresAt = expiresAt;
      }
      item.fetched = true;
      item.lastAccess = now;
      visitor.visit(item);
      return Lookup.HIT;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Lookup edit(byte[] key, int keyOffset, int keyLength, boolean createIfMissing, boolean recordAccess,
      ItemEditor editor) {
    lock.lock();
    try {
      long now = lockedNow();
      Key k = Key.of(key, keyOffset, keyLength);
      // The map's get moves the item to the LRU's head even without recordAccess: the oracle keeps
      // the order simple; only which items an eviction picks could tell.
      Item item = items.get(k);
      Lookup dead = item == null ? null : lockedDeadness(item, now);
      if (dead != null) {
        lockedRemoveDead(k, item, dead);
        item = null;
      }
      boolean created = false;
      if (item == null && createIfMissing) {
        Item empty = new Item(0, 0, new byte[0], now);
        if (lockedPut(k, empty, now)) {
          item = empty;
          created = true;
        }
      }
      if (item == null) {
        return dead != null ? dead : Lookup.MISS;
      }
      editor.edit(edited.show(item, keyLength), created);
      if (recordAccess) {
        item.fetched = true;
        item.lastAccess = now;
      }
      return Lookup.HIT;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public StoreResult store(StoreMode mode, byte[] key, int keyOffset, int keyLength, int flags, long expiresAt,
      ByteBuffer valueBytes, long expectedCas, boolean invalidate, ItemVisitor stored) {
    lock.lock();
    try {
      long now = lockedNow();
      Key k = Key.of(key, keyOffset, keyLength);
      byte[] value = bytesOf(valueBytes);
      Item existing = lockedLive(k, now);
      boolean storesStale = false;
      switch (mode) {
        case ADD:
          if (existing != null) {
            existing.lastAccess = now; // memcached bumps the item an add failed on
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
          if (expectedCas != 0 && existing.cas != expectedCas) {
            return StoreResult.EXISTS;
          }
          break;
        case CAS:
          if (existing == null) {
            return StoreResult.NOT_FOUND;
          }
          storesStale = invalidate && expectedCas != 0 && Long.compareUnsigned(expectedCas, existing.cas) < 0;
          if (existing.cas != expectedCas && !storesStale) {
            return StoreResult.EXISTS;
          }
          break;
        case SET:
          break;
      }
      byte[] newValue = value;
      int newFlags = flags;
      long newExpiresAt = expiresAt;
      if (mode == StoreMode.APPEND || mode == StoreMode.PREPEND) {
        newValue = mode == StoreMode.APPEND ? concat(existing.value, value) : concat(value, existing.value);
        newFlags = existing.flags;
        newExpiresAt = existing.expiresAt;
      } else if (storesStale) {
        newExpiresAt = existing.expiresAt;
      }
      if (!config.fitsItemSize(keyLength, newValue.length)) {
        return StoreResult.TOO_LARGE;
      }
      Item item = new Item(newFlags, newExpiresAt, newValue, now);
      item.stale = storesStale;
      item.winTokenSent = storesStale && existing.winTokenSent;
      if (!lockedPut(k, item, now)) {
        return StoreResult.NO_MEMORY;
      }
      stored.visit(item);
      return StoreResult.STORED;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public ChangeResult delete(byte[] key, int keyOffset, int keyLength, long expectedCas) {
    lock.lock();
    try {
      Key k = Key.of(key, keyOffset, keyLength);
      Item existing = lockedLive(k, lockedNow());
      ChangeResult guard = guard(existing, expectedCas);
      if (guard == ChangeResult.CHANGED) {
        lockedRemove(k);
      }
      return guard;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public ChangeResult markStale(byte[] key, int keyOffset, int keyLength, long expectedCas, long expiresAt) {
    lock.lock();
    try {
      long now = lockedNow();
      Key k = Key.of(key, keyOffset, keyLength);
      Item existing = lockedLive(k, now);
      ChangeResult guard = guard(existing, expectedCas);
      if (guard == ChangeResult.CHANGED) {
        existing.stale = true;
        existing.winTokenSent = false;
        existing.cas = nextCas++;
        if (expiresAt != KEEP_EXPIRY) {
          existing.expiresAt = expiresAt;
        }
      }
      return guard;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a change guarded by {@code expectedCas} (0: none) may go ahead on {@code item}. */
  private static ChangeResult guard(Item item, long expectedCas) {
    if (item == null) {
      return ChangeResult.NOT_FOUND;
    }
    return expectedCas == 0 || item.cas == expectedCas ? ChangeResult.CHANGED : ChangeResult.EXISTS;
  }

  @Override
  public Arithmetic.Status applyDelta(byte[] key, int keyOffset, int keyLength, boolean increment, long delta,
      long expectedCas, InitialValue onMiss, ItemEditor editor) {
    lock.lock();
    try {
      long now = lockedNow();
      Key k = Key.of(key, keyOffset, keyLength);
      Item existing = lockedLive(k, now);
      if (existing == null) {
        if (onMiss == null) {
          return Arithmetic.Status.NOT_FOUND;
        }
        Item created = new Item(0, onMiss.expiresAt(), formatted(onMiss.value(), 0), now);
        if (!lockedPut(k, created, now)) {
          return Arithmetic.Status.NOT_FOUND; // only with -M: no room for it
        }
        editor.edit(edited.show(created, keyLength), true);
        return Arithmetic.Status.CREATED;
      }
      // memcached checks the CAS unique between refusing an empty value and parsing the number.
      if (expectedCas != 0 && existing.value.length > 0 && existing.cas != expectedCas) {
        return Arithmetic.Status.EXISTS;
      }
      if (!number.parse(ByteBuffer.wrap(existing.value))) {
        return Arithmetic.Status.NON_NUMERIC;
      }
      long current = number.value();
      long result = increment
          ? current + delta
          : Long.compareUnsigned(delta, current) > 0 ? 0 : current - delta;
      byte[] digits = formatted(result, existing.value.length);
      Item updated = new Item(existing.flags, existing.expiresAt, digits, now);
      // memcached changes the number in place: the item keeps its use and lease state.
      updated.fetched = existing.fetched;
      updated.stale = existing.stale;
      updated.winTokenSent = existing.winTokenSent;
      if (!lockedPut(k, updated, now)) {
        return Arithmetic.Status.NOT_FOUND; // only with -M: the old item is gone and the new one did not fit
      }
      editor.edit(edited.show(updated, keyLength), false);
      return Arithmetic.Status.OK;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean touch(byte[] key, int keyOffset, int keyLength, long expiresAt) {
    lock.lock();
    try {
      long now = lockedNow();
      Item existing = lockedLive(Key.of(key, keyOffset, keyLength), now);
      if (existing == null) {
        return false;
      }
      existing.expiresAt = expiresAt;
      existing.lastAccess = now;
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void flushAll(long atMillis) {
    lock.lock();
    try {
      if (atMillis <= clock.millis()) {
        flushedUpToCas = nextCas - 1;
        pendingFlushAt = 0;
      } else {
        pendingFlushAt = atMillis;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void setMemoryLimit(long newLimit) {
    lock.lock();
    try {
      memoryLimit = newLimit;
      lockedMakeRoom(0, lockedNow(), true);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public EngineStats stats() {
    lock.lock();
    try {
      long now = lockedNow();
      Iterator<Item> lru = items.values().iterator();
      long oldestAge = lru.hasNext() ? Math.max(0, (now - lru.next().lastAccess) / 1000) : 0;
      return new EngineStats(items.size(), totalItems, bytes, memoryLimit, evicted,
          expiredUnfetched, evictedUnfetched, reclaimed, outOfMemory, oldestAge);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      items.clear();
      bytes = 0;
    } finally {
      lock.unlock();
    }
  }

  static long cost(int keyLength, int valueLength) {
    return ITEM_OVERHEAD + align(keyLength) + align(valueLength);
  }

  private static long align(int length) {
    return (length + 7L) & ~7L;
  }

  /** The current time, first applying a delayed flush whose time has come. */
  private long lockedNow() {
    long now = clock.millis();
    if (pendingFlushAt != 0 && now >= pendingFlushAt) {
      flushedUpToCas = nextCas - 1;
      pendingFlushAt = 0;
    }
    return now;
  }

  /** The live item under {@code key}, removing it first if it is expired or flushed. */
  private Item lockedLive(Key key, long now) {
    Item item = items.get(key);
    if (item == null) {
      return null;
    }
    Lookup dead = lockedDeadness(item, now);
    if (dead != null) {
      lockedRemoveDead(key, item, dead);
      return null;
    }
    return item;
  }

  /** {@link Lookup#EXPIRED} or {@link Lookup#FLUSHED} for a dead item, null for a live one. */
  private Lookup lockedDeadness(Item item, long now) {
    if (item.cas <= flushedUpToCas) {
      return Lookup.FLUSHED;
    }
    return Expiry.isExpired(item.expiresAt, now) ? Lookup.EXPIRED : null;
  }

  private void lockedRemoveDead(Key key, Item item, Lookup why) {
    lockedRemove(key);
    reclaimed++;
    if (why == Lookup.EXPIRED && !item.fetched) {
      expiredUnfetched++;
    }
  }

  private void lockedRemove(Key key) {
    Item removed = items.remove(key);
    if (removed != null) {
      bytes -= cost(key.bytes.length, removed.value.length);
    }
  }

  /** Replaces whatever is under {@code key} with {@code item}; false if it could not be made room for. */
  private boolean lockedPut(Key key, Item item, long now) {
    Item old = items.get(key);
    long oldCost = old == null ? 0 : cost(key.bytes.length, old.value.length);
    long cost = cost(key.bytes.length, item.value.length);
    // Room is made while the old item still stands, so a refused store leaves it in place; the
    // second call only matters if making room evicted the old item itself.
    if (!lockedMakeRoom(cost - oldCost, now, evictions)) {
      outOfMemory++;
      return false;
    }
    lockedRemove(key);
    if (!lockedMakeRoom(cost, now, evictions)) {
      outOfMemory++;
      return false;
    }
    item.cas = nextCas++;
    items.put(key, item);
    bytes += cost;
    totalItems++;
    return true;
  }

  /**
   * Frees memory from the least recently used end until {@code needed} more bytes fit: dead items
   * first; live ones too when {@code evict} is set. Without evicting it looks only a few items deep,
   * as memcached does, so a full cache refuses stores in constant time.
   */
  private boolean lockedMakeRoom(long needed, long now, boolean evict) {
    Iterator<Map.Entry<Key, Item>> lru = items.entrySet().iterator();
    int looked = 0;
    while (bytes + needed > memoryLimit && lru.hasNext() && (evict || looked < RECLAIM_SEARCH_DEPTH)) {
      Map.Entry<Key, Item> eldest = lru.next();
      looked++;
      Item item = eldest.getValue();
      Lookup dead = lockedDeadness(item, now);
      if (dead == null && !evict) {
        continue;
      }
      lru.remove();
      bytes -= cost(eldest.getKey().bytes.length, item.value.length);
      if (dead != null) {
        reclaimed++;
        if (dead == Lookup.EXPIRED && !item.fetched) {
          expiredUnfetched++;
        }
      } else {
        evicted++;
        if (!item.fetched) {
          evictedUnfetched++;
        }
      }
    }
    return bytes + needed <= memoryLimit;
  }

  /** The number as incr/decr stores it, in an array of its own. */
  private byte[] formatted(long unsigned, int minLength) {
    return bytesOf(number.format(unsigned, minLength));
  }

  /** The bytes between {@code buffer}'s position and limit, in an array of their own. */
  private static byte[] bytesOf(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(buffer.position(), bytes);
    return bytes;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  /** A key with value equality, for the map. */
  private record Key(byte[] bytes) {
    /** The key {@code array[offset..offset + length)}, in an array of its own. */
    static Key of(byte[] array, int offset, int length) {
      return new Key(Arrays.copyOfRange(array, offset, offset + length));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return Arrays.toString(bytes);
    }
  }

  /** An item as an editor sees it: its state before the lookup, and changes made in place. */
  private static final class Edited implements EditableItem {
    private Item item;
    private int keyLength;
    private boolean fetched;
    private long lastAccess;

    Edited show(Item shown, int shownKeyLength) {
      item = shown;
      keyLength = shownKeyLength;
      fetched = shown.fetched;
      lastAccess = shown.lastAccess;
      return this;
    }

    @Override
    public int flags() {
      return item.flags;
    }

    @Override
    public long cas() {
      return item.cas;
    }

    @Override
    public long expiresAt() {
      return item.expiresAt;
    }

    @Override
    public ByteBuffer value() {
      return item.value();
    }

    @Override
    public PinnedValue pin() {
      return item.pin();
    }

    @Override
    public boolean fetched() {
      return fetched;
    }

    @Override
    public long lastAccessedAt() {
      return lastAccess;
    }

    @Override
    public boolean stale() {
      return item.stale;
    }

    @Override
    public boolean winTokenSent() {
      return item.winTokenSent;
    }

    @Override
    public long footprint() {
      return cost(keyLength, item.value.length);
    }

    @Override
    public void expiresAt(long expiresAt) {
      item.expiresAt = expiresAt;
    }

    @Override
    public void markWinTokenSent() {
      item.winTokenSent = true;
    }
  }

  /** One stored item; the engine's lock guards its mutable fields. */
  private static final class Item implements ItemView {
    final int flags;
    final byte[] value;
    long expiresAt;
    long cas;
    long lastAccess;
    boolean fetched;
    boolean stale;
    boolean winTokenSent;

    Item(int flags, long expiresAt, byte[] value, long now) {
      this.flags = flags;
      this.expiresAt = expiresAt;
      this.value = value;
      this.lastAccess = now;
    }

    @Override
    public int flags() {
      return flags;
    }

    @Override
    public long cas() {
      return cas;
    }

    @Override
    public long expiresAt() {
      return expiresAt;
    }

    @Override
    public ByteBuffer value() {
      return ByteBuffer.wrap(value).asReadOnlyBuffer();
    }

    /** A value array is never changed once stored, so a pin need not hold anything. */
    @Override
    public PinnedValue pin() {
      ByteBuffer bytes = value();
      return new PinnedValue() {
        @Override
        public ByteBuffer bytes() {
          return bytes;
        }

        @Override
        public void close() {}
      };
    }
  }
}
