package dev.larder.storage;

import java.nio.ByteBuffer;

/**
 * A shard's index from key to item location: open addressing with Robin Hood linear probing over
 * 8-byte slots that live in {@link Segments} pages, so the index costs no heap and its bytes count
 * against the memory limit like items do.
 *
 * <p>A slot holds 28 bits of the key's hash and the item's location (page and offset), 0 when empty.
 * The position of a key is {@code hash28 * capacity >>> 28}, so the stored bits are enough to move
 * every slot into a bigger table without reading a key; they also make a false match on another key's
 * slot rare (1 in 2^28), so a lookup compares keys almost only on the item it is looking for. Robin
 * Hood ordering lets a lookup stop early and keeps probes short at 90% load; deletion shifts the
 * following slots back, so there are no tombstones. Not thread-safe: the shard's lock guards it.
 */
final class HashIndex {
  static final int TAG_BITS = 28;
  private static final int LOCATION_BITS = Segments.PAGE_BITS + Segments.OFFSET_BITS;
  static final long LOCATION_MASK = (1L << LOCATION_BITS) - 1;
  private static final int SLOT_BYTES = Long.BYTES;
  /** The load above which the table grows before inserting. */
  private static final double MAX_LOAD = 0.9;

  /** Tells whether the item at a location has a given key, {@code key[offset..offset + length)}. */
  @FunctionalInterface
  interface KeyMatcher {
    boolean matches(long location, byte[] key, int offset, int length);
  }

  private final Segments segments;
  private final int slotsPerPageShift;
  private final int slotMask;
  private int[] pages = new int[0];
  private long capacity;
  private long size;

  HashIndex(Segments segments) {
    this.segments = segments;
    int slotsPerPage = segments.pageSize() / SLOT_BYTES;
    this.slotsPerPageShift = Integer.numberOfTrailingZeros(slotsPerPage);
    this.slotMask = slotsPerPage - 1;
  }

  /** The 28 low bits of a key's hash as stored in a slot; never 0, which marks an empty slot. */
  static int tag(long hash) {
    int tag = (int) (hash & ((1 << TAG_BITS) - 1));
    return tag == 0 ? 1 : tag;
  }

  static long location(int page, int offset) {
    return (long) page << Segments.OFFSET_BITS | offset;
  }

  static int pageOf(long location) {
    return (int) (location >>> Segments.OFFSET_BITS);
  }

  static int offsetOf(long location) {
    return (int) (location & (Segments.MAX_PAGE_SIZE - 1));
  }

  long size() {
    return size;
  }

  int pageCount() {
    return pages.length;
  }

  /** Whether the table should grow before another insert. */
  boolean wantsToGrow() {
    return size + 1 > capacity * MAX_LOAD;
  }

  /** Whether another insert is impossible: a table needs an empty slot to end its probes. */
  boolean isFull() {
    return size + 1 >= capacity;
  }

  /** How many pages the table should have after its next growth: a quarter more. */
  int grownPageCount() {
    return pages.length + Math.max(1, pages.length / 4);
  }

  /** The position of the slot for the key {@code key[offset..offset + length)}, or -1. */
  long find(int tag, byte[] key, int offset, int length, KeyMatcher matcher) {
    if (capacity == 0) {
      return -1;
    }
    long pos = home(tag);
    for (long distance = 0; ; distance++) {
      long slot = slot(pos);
      if (slot == 0 || distanceAt(pos, slot) < distance) {
        return -1;
      }
      if (tagOf(slot) == tag && matcher.matches(slot & LOCATION_MASK, key, offset, length)) {
        return pos;
      }
      pos = next(pos);
    }
  }

  /** The slot at the position where a probe for {@code tag} starts; 0 when empty. */
  long homeSlot(int tag) {
    return capacity == 0 ? 0 : slot(home(tag));
  }

  /** The position of the slot pointing at {@code location}, for a key with this tag, or -1. */
  long findLocation(int tag, long location) {
    long wanted = (long) tag << LOCATION_BITS | location;
    long pos = home(tag);
    for (long distance = 0; ; distance++) {
      long slot = slot(pos);
      if (slot == 0 || distanceAt(pos, slot) < distance) {
        return -1;
      }
      if (slot == wanted) {
        return pos;
      }
      pos = next(pos);
    }
  }

  long locationAt(long pos) {
    return slot(pos) & LOCATION_MASK;
  }

  /** Points the slot at {@code pos} at a new location of the same key. */
  void relocate(long pos, long location) {
    putSlot(pos, slot(pos) & ~LOCATION_MASK | location);
  }

  /** Adds a key that is not in the table; the caller checked {@link #isFull}. */
  void insert(int tag, long location) {
    insertSlot((long) tag << LOCATION_BITS | location);
    size++;
  }

  /** Removes the slot at {@code pos}, shifting the slots after it back so probes stay unbroken. */
  void remove(long pos) {
    while (true) {
      long next = next(pos);
      long slot = slot(next);
      if (slot == 0 || distanceAt(next, slot) == 0) {
        putSlot(pos, 0);
        size--;
        return;
      }
      putSlot(pos, slot);
      pos = next;
    }
  }

  /**
   * Moves every slot into a table made of {@code newPages} (their bytes are cleared here) and
   * returns the pages of the old table, for the caller to free.
   */
  int[] rebuildIn(int[] newPages) {
    int[] oldPages = pages;
    long oldCapacity = capacity;
    for (int page : newPages) {
      ByteBuffer buffer = segments.page(page);
      for (int i = 0; i < buffer.capacity(); i += SLOT_BYTES) {
        buffer.putLong(i, 0);
      }
    }
    pages = newPages;
    capacity = (long) newPages.length << slotsPerPageShift;
    for (long pos = 0; pos < oldCapacity; pos++) {
      long slot = slot(oldPages, pos);
      if (slot != 0) {
        insertSlot(slot);
      }
    }
    return oldPages;
  }

  /** Forgets every slot and page, for a closed engine. */
  void clear() {
    pages = new int[0];
    capacity = 0;
    size = 0;
  }

  private void insertSlot(long slot) {
    long carried = slot;
    long pos = home(tagOf(carried));
    for (long distance = 0; ; distance++) {
      long here = slot(pos);
      if (here == 0) {
        putSlot(pos, carried);
        return;
      }
      long hereDistance = distanceAt(pos, here);
      if (hereDistance < distance) { // Robin Hood: the richer slot moves on
        putSlot(pos, carried);
        carried = here;
        distance = hereDistance;
      }
      pos = next(pos);
    }
  }

  private long home(int tag) {
    return (tag * capacity) >>> TAG_BITS;
  }

  private long distanceAt(long pos, long slot) {
    long distance = pos - home(tagOf(slot));
    return distance < 0 ? distance + capacity : distance;
  }

  private long next(long pos) {
    return pos + 1 == capacity ? 0 : pos + 1;
  }

  private static int tagOf(long slot) {
    return (int) (slot >>> LOCATION_BITS);
  }

  private long slot(long pos) {
    return slot(pages, pos);
  }

  private long slot(int[] tablePages, long pos) {
    return segments.page(tablePages[(int) (pos >>> slotsPerPageShift)])
        .getLong((int) (pos & slotMask) * SLOT_BYTES);
  }

  private void putSlot(long pos, long slot) {
    segments.page(pages[(int) (pos >>> slotsPerPageShift)])
        .putLong((int) (pos & slotMask) * SLOT_BYTES, slot);
  }
}
