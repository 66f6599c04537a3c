package dev.larder.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memory of one shard: equal pages of direct memory, allocated on first use and then recycled,
 * never more in use at once than the budget. A page holds either a data segment (items appended
 * log-style) or part of the shard's {@link HashIndex}. Per-segment facts live in primitive arrays, so
 * the heap holds a few objects per page and none per item. Not thread-safe: the shard's lock guards it.
 */
final class Segments {
  static final byte FREE = 0;
  static final byte DATA = 1;
  static final byte INDEX = 2;
  /** Offsets take this many bits of a CAS unique and of an index slot, which caps the page size. */
  static final int OFFSET_BITS = 20;
  /** Page numbers take this many bits of an index slot. */
  static final int PAGE_BITS = 16;
  static final int MAX_PAGE_SIZE = 1 << OFFSET_BITS;
  static final int MAX_PAGES = 1 << PAGE_BITS;

  private final int pageSize;
  private int budget;
  private int inUse;

  private ByteBuffer[] buffers = new ByteBuffer[0];
  /** A read-only twin of each buffer, handed to readers of values. */
  private ByteBuffer[] views = new ByteBuffer[0];
  private byte[] use = new byte[0];
  private long[] generation = new long[0];
  private int[] used = new int[0];
  private int[] liveItems = new int[0];
  private int[] liveBytes = new int[0];
  /** The latest expiry of the segment's items in Unix seconds; {@link Long#MAX_VALUE} for never. */
  private long[] maxExpiry = new long[0];
  private long[] startedMillis = new long[0];
  /**
   * Open pins of each page's values ({@link PinnedValue}): a pinned segment is left as it is. Counters
   * of their own, made on a page's first pin, so that a pin is let go without the shard's lock.
   */
  private AtomicInteger[] pins = new AtomicInteger[0];

  Segments(int pageSize, int budget) {
    if (pageSize > MAX_PAGE_SIZE || Integer.bitCount(pageSize) != 1) {
      throw new IllegalArgumentException("pageSize: " + pageSize + " (expected: a power of 2 <= " + MAX_PAGE_SIZE + ")");
    }
    this.pageSize = pageSize;
    setBudget(budget);
  }

  int pageSize() {
    return pageSize;
  }

  /** Changes how many pages may be in use; callers free pages until {@link #overBudget} is false. */
  void setBudget(int pages) {
    budget = Math.min(pages, MAX_PAGES);
    if (budget > use.length) {
      buffers = Arrays.copyOf(buffers, budget);
      views = Arrays.copyOf(views, budget);
      use = Arrays.copyOf(use, budget);
      generation = Arrays.copyOf(generation, budget);
      used = Arrays.copyOf(used, budget);
      liveItems = Arrays.copyOf(liveItems, budget);
      liveBytes = Arrays.copyOf(liveBytes, budget);
      maxExpiry = Arrays.copyOf(maxExpiry, budget);
      startedMillis = Arrays.copyOf(startedMillis, budget);
      pins = Arrays.copyOf(pins, budget);
    }
    dropSpareBuffers();
  }

  boolean overBudget() {
    return inUse > budget;
  }

  /** All pages that may be in use: the number of slots in the per-page arrays. */
  int pageSlots() {
    return use.length;
  }

  /**
   * Takes a free page for {@code kind}, preferring one already allocated; -1 when the budget is
   * spent. The page's bytes are whatever its last use left.
   */
  int take(byte kind) {
    if (inUse >= budget) {
      return -1;
    }
    int page = -1;
    for (int p = 0; p < budget; p++) {
      if (use[p] == FREE) {
        if (buffers[p] != null) {
          page = p;
          break;
        }
        if (page < 0) {
          page = p;
        }
      }
    }
    if (buffers[page] == null) {
      buffers[page] = ByteBuffer.allocateDirect(pageSize);
      views[page] = buffers[page].asReadOnlyBuffer();
    }
    use[page] = kind;
    inUse++;
    return page;
  }

  /** Returns a page to the free pool; its memory is let go if more pages are allocated than the budget. */
  void release(int page) {
    use[page] = FREE;
    inUse--;
    used[page] = 0;
    liveItems[page] = 0;
    liveBytes[page] = 0;
    dropSpareBuffers();
  }

  /**
   * Drops the buffers of free pages beyond the budget, so a lowered limit gives memory back (when
   * the JVM collects the buffers) instead of keeping it for later.
   */
  private void dropSpareBuffers() {
    int allocated = 0;
    for (ByteBuffer b : buffers) {
      allocated += b == null ? 0 : 1;
    }
    for (int p = buffers.length - 1; p >= 0 && allocated > budget; p--) {
      if (use[p] == FREE && buffers[p] != null) {
        buffers[p] = null;
        views[p] = null;
        allocated--;
      }
    }
  }

  /** Drops every page, for a closed engine. */
  void clear() {
    Arrays.fill(buffers, null);
    Arrays.fill(views, null);
    Arrays.fill(use, FREE);
    inUse = 0;
  }

  ByteBuffer page(int page) {
    return buffers[page];
  }

  ByteBuffer view(int page) {
    return views[page];
  }

  byte use(int page) {
    return use[page];
  }

  /** Makes {@code page} an empty data segment of a new generation. */
  void startSegment(int page, long newGeneration, long nowMillis) {
    generation[page] = newGeneration;
    used[page] = 0;
    liveItems[page] = 0;
    liveBytes[page] = 0;
    maxExpiry[page] = 0;
    startedMillis[page] = nowMillis;
  }

  /** Counts a pin of values in {@code page}; returns the counter, which its pin decrements when closed. */
  AtomicInteger pin(int page) {
    if (pins[page] == null) {
      pins[page] = new AtomicInteger();
    }
    pins[page].incrementAndGet();
    return pins[page];
  }

  /** Whether values of data segment {@code page} are pinned: its bytes must stay, so it is no victim. */
  boolean pinned(int page) {
    return pins[page] != null && pins[page].get() != 0;
  }

  long generation(int page) {
    return generation[page];
  }

  long startedMillis(int page) {
    return startedMillis[page];
  }

  /** An item's CAS unique: its place in a segment generation, which no later item can share. */
  long casOf(int page, int offset) {
    return generation[page] << OFFSET_BITS | offset;
  }

  int used(int page) {
    return used[page];
  }

  int free(int page) {
    return pageSize - used[page];
  }

  /** Reserves {@code size} bytes at the end of data segment {@code page}; returns their offset. */
  int append(int page, int size) {
    int offset = used[page];
    used[page] = offset + size;
    return offset;
  }

  /** Sets the end of a segment whose items were just moved towards its start. */
  void truncate(int page, int newUsed) {
    used[page] = newUsed;
  }

  int liveItems(int page) {
    return liveItems[page];
  }

  int liveBytes(int page) {
    return liveBytes[page];
  }

  /** Counts an item that the index now points at. */
  void link(int page, int size, long expirySeconds) {
    liveItems[page]++;
    liveBytes[page] += size;
    noteExpiry(page, expirySeconds);
  }

  /** Counts an item that the index no longer points at. */
  void unlink(int page, int size) {
    liveItems[page]--;
    liveBytes[page] -= size;
  }

  /** Keeps the segment's latest expiry an upper bound when an item's expiry changes or arrives. */
  void noteExpiry(int page, long expirySeconds) {
    maxExpiry[page] = Math.max(maxExpiry[page], expirySeconds == 0 ? Long.MAX_VALUE : expirySeconds);
  }

  /** Whether every item of data segment {@code page} is gone, expired or flushed. */
  boolean allDead(int page, long nowMillis, long flushedUpToCas) {
    return liveItems[page] == 0
        || (maxExpiry[page] != Long.MAX_VALUE && Expiry.isExpired(ItemLayout.toMillis(maxExpiry[page]), nowMillis))
        || casOf(page, used[page] - 1) <= flushedUpToCas;
  }
}
