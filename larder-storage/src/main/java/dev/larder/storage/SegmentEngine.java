package dev.larder.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The production engine: items live off-heap in log-structured segments, the index is an off-heap
 * table of 8-byte slots, and the heap holds a few objects per 1 MiB page and none per item, so heap
 * use does not grow with the cache. Everything items cost (headers, keys, values, index pages and the
 * unused tails of segments) comes out of the memory limit, in whole pages. See {@code docs/engine.md}.
 *
 * <p>Keys are spread by hash over independent {@link Shard shards}, each behind its own lock, which
 * makes every operation linearizable for its key. Evictions keep items read since the last pass over
 * their segment and drop the others (segment-level CLOCK), and segments whose items have all expired
 * are reused before any live item is evicted.
 *
 * <p>Differences from {@link ReferenceEngine} that callers can see: expiry has memcached's one-second
 * resolution (rounded up); an item moved by eviction gets a new CAS unique; an item must also fit one
 * page ({@link #pageSizeFor}), so caches under 16 times the item size limit refuse the largest items
 * as too large.
 */
public final class SegmentEngine implements CacheEngine {
  static final int MIN_PAGE_SIZE = 4096;
  /** A page is at most this share of the limit, so small caches still have enough segments. */
  private static final int MIN_PAGES = 16;
  /** Each shard gets at least this many pages, so small caches are one shard and waste no memory. */
  private static final int PAGES_PER_SHARD = 64;
  private static final int MAX_SHARDS = 64;
  /** Shards are picked by the hash bits above those {@link HashIndex} uses. */
  private static final int SHARD_HASH_SHIFT = 40;
  /**
   * Keys a multi-key lookup prefetches and looks up together: enough to overlap their cache misses,
   * few enough that they are still cached when looked up and that a shard's lock is held briefly.
   */
  private static final int LOOKUP_BATCH = 16;
  private static final ThreadLocal<LookupBatch> LOOKUP_BATCHES = ThreadLocal.withInitial(LookupBatch::new);

  private final Shard[] shards;
  private final int pageSize;
  private volatile long memoryLimit;

  public SegmentEngine(EngineConfig config) {
    this.memoryLimit = config.memoryLimit();
    this.pageSize = pageSizeFor(memoryLimit, config.maxItemSize());
    int count = shardCountFor(memoryLimit, pageSize);
    AtomicLong generations = new AtomicLong();
    shards = new Shard[count];
    for (int i = 0; i < count; i++) {
      shards[i] = new Shard(config, pageSize, budgetPages(memoryLimit), generations);
    }
  }

  /**
   * The page (and segment) size: the smallest power of two that holds the largest item, from 4 KiB
   * to 1 MiB, and at most 1/16 of the limit. Smaller pages make more of them, hence more shards.
   */
  static int pageSizeFor(long memoryLimit, int maxItemSize) {
    long forItems = Math.max(MIN_PAGE_SIZE, Long.highestOneBit(maxItemSize - 1L) << 1);
    long forLimit = Long.highestOneBit(Math.max(1, memoryLimit / MIN_PAGES));
    return (int) Math.max(MIN_PAGE_SIZE, Math.min(Segments.MAX_PAGE_SIZE, Math.min(forItems, forLimit)));
  }

  /** One shard per 64 pages, a power of two, at most 64: a shard with fewer pages wastes more of them. */
  static int shardCountFor(long memoryLimit, int pageSize) {
    return (int) Math.min(MAX_SHARDS, Math.max(1, Long.highestOneBit(memoryLimit / pageSize / PAGES_PER_SHARD)));
  }

  /** Each shard's share of a limit, in pages. */
  private int budgetPages(long limit) {
    return (int) Math.min(Segments.MAX_PAGES, limit / shards.length / pageSize);
  }

  private Shard shard(long hash) {
    return shards[shardIndex(hash)];
  }

  private int shardIndex(long hash) {
    return (int) (hash >>> SHARD_HASH_SHIFT) & (shards.length - 1);
  }

  @Override
  public Lookup get(byte[] key, int keyOffset, int keyLength, ItemVisitor visitor) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).lookup(key, keyOffset, keyLength, hash, false, 0, visitor);
  }

  /**
   * Takes the keys {@link #LOOKUP_BATCH} at a time. A batch whose keys all fall in one shard (every
   * batch when there is one shard) is prefetched and looked up under one hold of its lock; otherwise
   * each shard prefetches its keys of the batch first, and the lookups follow in runs of consecutive
   * keys of one shard, a hold of the lock per run.
   */
  @Override
  public void getAll(KeyList keys, boolean touch, long expiresAt, MultiLookupVisitor visitor) {
    LookupBatch batch = LOOKUP_BATCHES.get();
    for (int first = 0; first < keys.size(); first += LOOKUP_BATCH) {
      int runs = plan(batch, keys, first);
      for (int run = 0, start = 0; run < runs; start = batch.runEnds[run++]) {
        int end = batch.runEnds[run];
        shard(batch.hashes[start]).lookupAll(keys, first, batch.hashes, start, end, touch, expiresAt,
            runs == 1 && end > 1, visitor);
      }
    }
  }

  /** Takes the keys in batches and runs as {@link #getAll} does. */
  @Override
  public void editAll(KeyList keys, MultiItemEditor editor) {
    LookupBatch batch = LOOKUP_BATCHES.get();
    for (int first = 0; first < keys.size(); first += LOOKUP_BATCH) {
      int runs = plan(batch, keys, first);
      for (int run = 0, start = 0; run < runs; start = batch.runEnds[run++]) {
        int end = batch.runEnds[run];
        shard(batch.hashes[start]).editAll(keys, first, batch.hashes, start, end, runs == 1 && end > 1, editor);
      }
    }
  }

  /**
   * Hashes the batch of keys from {@code first} into {@code batch.hashes} and splits it into runs of
   * consecutive keys of one shard, whose ends go to {@code batch.runEnds}; returns how many runs there
   * are. Several runs are prefetched here, shard by shard; a single run is left for its shard to
   * prefetch under the hold of its lock that looks the keys up.
   */
  private int plan(LookupBatch batch, KeyList keys, int first) {
    long[] hashes = batch.hashes;
    int count = Math.min(LOOKUP_BATCH, keys.size() - first);
    for (int i = 0; i < count; i++) {
      int key = first + i;
      hashes[i] = KeyHash.of(keys.array(key), keys.offset(key), keys.length(key));
    }
    int runs = 0;
    for (int start = 0; start < count; start = batch.runEnds[runs++]) {
      batch.runEnds[runs] = runEnd(hashes, start, count);
    }
    if (runs > 1) {
      prefetchByShard(batch, count);
    }
    return runs;
  }

  /** Where the run of keys from {@code start} that fall in its shard ends, at most at {@code to}. */
  private int runEnd(long[] hashes, int start, int to) {
    int shard = shardIndex(hashes[start]);
    int end = start + 1;
    while (end < to && shardIndex(hashes[end]) == shard) {
      end++;
    }
    return end;
  }

  /** Has each shard prefetch its keys among the batch's first {@code count}, one hold of its lock each. */
  private void prefetchByShard(LookupBatch batch, int count) {
    long[] hashes = batch.hashes;
    boolean[] taken = batch.taken;
    Arrays.fill(taken, 0, count, false);
    for (int i = 0; i < count; i++) {
      if (taken[i]) {
        continue; // in an earlier shard's group
      }
      int shard = shardIndex(hashes[i]);
      int size = 0;
      for (int j = i; j < count; j++) {
        if (!taken[j] && shardIndex(hashes[j]) == shard) {
          batch.grouped[size++] = hashes[j];
          taken[j] = true;
        }
      }
      shards[shard].prefetch(batch.grouped, 0, size);
    }
  }

  /** A multi-key lookup's or edit's working arrays, one set per thread, so that a lookup allocates nothing. */
  private static final class LookupBatch {
    final long[] hashes = new long[LOOKUP_BATCH];
    final long[] grouped = new long[LOOKUP_BATCH];
    final boolean[] taken = new boolean[LOOKUP_BATCH];
    final int[] runEnds = new int[LOOKUP_BATCH];
  }

  @Override
  public Lookup getAndTouch(byte[] key, int keyOffset, int keyLength, long expiresAt, ItemVisitor visitor) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).lookup(key, keyOffset, keyLength, hash, true, expiresAt, visitor);
  }

  @Override
  public Lookup edit(byte[] key, int keyOffset, int keyLength, boolean createIfMissing, boolean recordAccess,
      ItemEditor editor) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).edit(key, keyOffset, keyLength, hash, createIfMissing, recordAccess, editor);
  }

  /** Stores straight from the caller's memory: neither the key nor the value is copied out first. */
  @Override
  public StoreResult store(StoreMode mode, byte[] key, int keyOffset, int keyLength, int flags, long expiresAt,
      ByteBuffer value, long expectedCas, boolean invalidate, ItemVisitor stored) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).store(mode, key, keyOffset, keyLength, hash, flags, expiresAt, value, expectedCas, invalidate,
        stored);
  }

  @Override
  public ChangeResult delete(byte[] key, int keyOffset, int keyLength, long expectedCas) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).delete(key, keyOffset, keyLength, hash, expectedCas);
  }

  @Override
  public ChangeResult markStale(byte[] key, int keyOffset, int keyLength, long expectedCas, long expiresAt) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).markStale(key, keyOffset, keyLength, hash, expectedCas, expiresAt);
  }

  @Override
  public Arithmetic.Status applyDelta(byte[] key, int keyOffset, int keyLength, boolean increment, long delta,
      long expectedCas, InitialValue onMiss, ItemEditor editor) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).applyDelta(key, keyOffset, keyLength, hash, increment, delta, expectedCas, onMiss, editor);
  }

  @Override
  public boolean touch(byte[] key, int keyOffset, int keyLength, long expiresAt) {
    long hash = KeyHash.of(key, keyOffset, keyLength);
    return shard(hash).touch(key, keyOffset, keyLength, hash, expiresAt);
  }

  @Override
  public void flushAll(long atMillis) {
    for (Shard shard : shards) {
      shard.flushAll(atMillis);
    }
  }

  @Override
  public void setMemoryLimit(long bytes) {
    memoryLimit = bytes;
    for (Shard shard : shards) {
      shard.setBudget(budgetPages(bytes));
    }
  }

  @Override
  public EngineStats stats() {
    long currItems = 0;
    long totalItems = 0;
    long bytes = 0;
    long evictions = 0;
    long expiredUnfetched = 0;
    long evictedUnfetched = 0;
    long reclaimed = 0;
    long outOfMemory = 0;
    long oldestAge = 0;
    for (Shard shard : shards) {
      EngineStats s = shard.stats();
      currItems += s.currItems();
      totalItems += s.totalItems();
      bytes += s.bytes();
      evictions += s.evictions();
      expiredUnfetched += s.expiredUnfetched();
      evictedUnfetched += s.evictedUnfetched();
      reclaimed += s.reclaimed();
      outOfMemory += s.outOfMemory();
      oldestAge = Math.max(oldestAge, s.oldestItemAgeSeconds());
    }
    return new EngineStats(currItems, totalItems, bytes, memoryLimit, evictions, expiredUnfetched,
        evictedUnfetched, reclaimed, outOfMemory, oldestAge);
  }

  @Override
  public void close() {
    for (Shard shard : shards) {
      shard.close();
    }
  }
}
