package dev.larder.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How many items a full cache keeps (benchmark W3's fill: 12-byte keys, fixed values; twice the limit
 * written, which is past the point where the count settles) and whether heap use stays flat as a big cache fills. Prints what it measures.
 */
class SegmentEngineMemoryTest {
  private static final long MB = 1024 * 1024;

  /** At -m 64, the default -I 1m makes one shard of 1 MiB pages; -I 256k four shards of 256 KiB pages. */
  @ParameterizedTest
  @CsvSource({"32, 1048576", "100, 1048576", "1000, 1048576", "32, 262144", "100, 262144", "1000, 262144"})
  void keepsFarMoreItemsPerMegabyteThanTheReferenceEngine(int valueLength, int maxItemSize) {
    long limit = 64 * MB; // benchmark W3's -m; smaller caches lose more to whole index pages
    long kept;
    try (CacheEngine engine = new SegmentEngine(new EngineConfig(limit, maxItemSize, true, CacheClock.SYSTEM))) {
      fill(engine, 2 * limit, valueLength);
      EngineStats stats = engine.stats();
      assertThat(stats.evictions()).isPositive();
      assertThat(stats.bytes()).isLessThanOrEqualTo(limit);
      kept = stats.currItems();
    }
    // ReferenceEngine charges an exact cost per item, so its count needs no fill.
    long reference = limit / ReferenceEngine.cost(12, valueLength);
    int pageSize = SegmentEngine.pageSizeFor(limit, maxItemSize);
    System.out.printf("W3 fill, 12 B keys, %d B values, -m %d, %d shards of %d KiB pages: SegmentEngine %d items "
            + "(%.1f B/item), ReferenceEngine %d items (%.1f B/item), ratio %.2f%n",
        valueLength, limit / MB, SegmentEngine.shardCountFor(limit, pageSize), pageSize / 1024, kept, (double) limit / kept, reference, (double) limit / reference,
        (double) kept / reference);
    // Benchmark W3's goals: memcached 1.6 spends ~120 B per item at 32 B values (goal 1.8x as many
    // items), ~192 B at 100 B (1.4x) and ~1184 B at 1000 B (1.1x).
    double goalBytesPerItem = valueLength == 32 ? 120 / 1.8 : valueLength == 100 ? 192 / 1.4 : 1184 / 1.1;
    assertThat((double) limit / kept).isLessThan(goalBytesPerItem);
    assertThat(kept).isGreaterThan(valueLength == 1000 ? reference : 2 * reference);
  }

  @Test
  void heapUseDoesNotGrowAsAHalfGigabyteCacheFills() {
    long before = usedHeapAfterGc();
    try (CacheEngine engine = new SegmentEngine(new EngineConfig(512 * MB, 1024 * 1024, true, CacheClock.SYSTEM))) {
      fill(engine, 2 * 512 * MB, 1000);
      EngineStats stats = engine.stats();
      long grown = usedHeapAfterGc() - before;
      System.out.printf("-m 512 filled: %d items, %d evictions, heap grew by %d KB%n",
          stats.currItems(), stats.evictions(), grown / 1024);
      assertThat(stats.evictions()).isPositive();
      assertThat(grown).isLessThan(8 * MB);
    }
  }

  /**
   * Benchmark goal "an 8 GB cache runs with a small heap, no long GC pauses": too heavy for every
   * build, so it runs only when asked, with the heap capped and the GC log on (docs/engine.md):
   * {@code ./mvnw -q -B -o -pl larder-storage test -Dtest='SegmentEngineMemoryTest#eightGigabyteCacheFillsWithASmallHeap'
   * -Dlarder.eightGigabytes=true -DargLine='-Xmx256m -XX:MaxDirectMemorySize=9g -Xlog:gc'}.
   */
  @Test
  @EnabledIfSystemProperty(named = "larder.eightGigabytes", matches = "true")
  void eightGigabyteCacheFillsWithASmallHeap() {
    long limit = 8192 * MB;
    try (CacheEngine engine = new SegmentEngine(new EngineConfig(limit, 1024 * 1024, true, CacheClock.SYSTEM))) {
      long started = System.nanoTime();
      fill(engine, limit + limit / 4, 1000);
      EngineStats stats = engine.stats();
      Runtime runtime = Runtime.getRuntime();
      System.out.printf("-m 8192 filled in %d s: %d items, %d evictions, heap used %d MB of max %d MB%n",
          (System.nanoTime() - started) / 1_000_000_000L, stats.currItems(), stats.evictions(),
          (runtime.totalMemory() - runtime.freeMemory()) / MB, runtime.maxMemory() / MB);
      assertThat(stats.evictions()).isPositive();
      assertThat(stats.bytes()).isLessThanOrEqualTo(limit);
    }
  }

  /**
   * Stores distinct 12-byte keys with {@code valueLength}-byte values until {@code total} bytes went
   * in.
   */
  private static void fill(CacheEngine engine, long total, int valueLength) {
    byte[] key = new byte[12];
    ByteBuffer keyBytes = ByteBuffer.wrap(key);
    byte[] value = new byte[valueLength];
    for (long i = 0; i * (key.length + valueLength) < total; i++) {
      keyBytes.putLong(4, i);
      engine.store(StoreMode.SET, key, 0, 0, value, 0);
    }
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
