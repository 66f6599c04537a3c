package dev.larder.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentEngineTest extends CacheEngineContract {
  @Test
  void smallerItemSizeLimitMakesSmallerPagesAndMoreShards() {
    assertThat(SegmentEngine.pageSizeFor(64 * MB, 1024 * 1024)).isEqualTo(1024 * 1024);
    assertThat(SegmentEngine.shardCountFor(64 * MB, 1024 * 1024)).isEqualTo(1);
    int pageSize = SegmentEngine.pageSizeFor(64 * MB, 256 * 1024);
    assertThat(pageSize).isEqualTo(256 * 1024);
    assertThat(SegmentEngine.shardCountFor(64 * MB, pageSize)).isEqualTo(4);
    assertThat(SegmentEngine.pageSizeFor(MB, 1024 * 1024)).isEqualTo(64 * 1024); // 1/16 of the limit
    assertThat(SegmentEngine.pageSizeFor(64 * MB, 100)).isEqualTo(SegmentEngine.MIN_PAGE_SIZE);
  }

  @Test
  void storesAnItemAsLargeAsTheItemSizeLimitAllows() {
    engine = newEngine(new EngineConfig(64 * MB, 256 * 1024, true, clock));
    byte[] largest = new byte[256 * 1024 - EngineConfig.MEMCACHED_ITEM_HEADER - 3];
    assertThat(engine.store(StoreMode.SET, b("big"), 7, 0, largest, 0)).isEqualTo(StoreResult.STORED);
    assertThat(read("big")).hasSize(largest.length);
  }

  @Test
  void getAllOverManyKeysInSeveralShardsAnswersAsGetsOneByOne() {
    engine = newEngine(new EngineConfig(64 * MB, 256 * 1024, true, clock)); // four shards
    assertThat(getAll(false, 0, "a", "b")).containsExactly("0 MISS", "1 MISS"); // an empty index
    String[] keys = new String[45];
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "k" + i % 40; // the last five repeat earlier keys
      if (i < 40 && i % 2 == 0) {
        set(keys[i], "v" + i);
      }
      expected.add(i % 40 % 2 == 0 ? i + " hit v" + i % 40 : i + " MISS");
    }
    assertThat(getAll(false, 0, keys)).isEqualTo(expected);
    assertThat(getAll(false, 0, "k2", "k2", "k3")).containsExactly("0 hit v2", "1 hit v2", "2 MISS");
  }

  @Test
  void editAllOverManyKeysInSeveralShardsAnswersAsEditsOneByOne() {
    engine = newEngine(new EngineConfig(64 * MB, 256 * 1024, true, clock)); // four shards
    StringBuilder keys = new StringBuilder();
    StringBuilder creates = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      keys.append(i == 0 ? "" : " ").append("k").append(i % 40); // the last five repeat earlier keys
      if (i < 40 && i % 2 == 0) {
        set("k" + i, "v" + i);
      }
      creates.append(i % 3 == 0 ? 'c' : '-');
      boolean stored = i % 40 % 2 == 0;
      boolean createdBefore = i >= 40 && (i % 40) % 3 == 0;
      expected.add(stored ? i + " hit v" + i % 40 + (i >= 40 ? " won" : "")
          : createdBefore ? i + " hit  won" : i % 3 == 0 ? i + " created" : i + " MISS");
    }
    assertThat(editAll(keys.toString(), creates.toString(), "-".repeat(45))).isEqualTo(expected);
  }

  @Test
  void getAllFindsKeysOfEveryLengthAtOddOffsetsOfOneArray() {
    String[] keys = new String[40];
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "k".repeat(i) + i; // lengths 1 to 41: whole 8-byte words and tails
      set(keys[i], "v" + i);
      expected.add(i + " hit v" + i);
    }
    assertThat(getAll(false, 0, keys)).isEqualTo(expected);
  }

  @Test
  void aSegmentHoldingAPinnedValueIsNotEvictedUntilUnpinned() {
    engine = engine(MB, true); // 16 pages of 64 KiB
    engine.store(StoreMode.SET, b("kept"), 0, 0, filled('k', 10_000), 0);
    PinnedValue pinned = pin("kept");
    fill("other", 400);
    assertThat(read("kept")).as("its segment stayed, and so did the item").isNotNull();
    assertThat(engine.stats().bytes()).isLessThanOrEqualTo(MB);
    pinned.close();
    fill("more", 400);
    assertThat(read("kept")).isNull();
  }

  @Test
  void storesNeedingRoomAreRefusedWhileEverySegmentIsPinnedAndSucceedOnceUnpinned() {
    engine = engine(MB, true);
    List<PinnedValue> pins = new ArrayList<>();
    int stored = 0;
    while (engine.stats().evictions() == 0) {
      engine.store(StoreMode.SET, b("k" + stored++), 0, 0, filled('v', 10_000), 0);
    }
    for (int i = 0; i < stored; i++) {
      if (read("k" + i) != null) {
        pins.add(pin("k" + i));
      }
    }
    List<StoreResult> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      results.add(engine.store(StoreMode.SET, b("new" + i), 0, 0, filled('n', 10_000), 0));
    }
    assertThat(results).contains(StoreResult.NO_MEMORY);
    assertThat(engine.stats().bytes()).isLessThanOrEqualTo(MB);
    for (PinnedValue pinned : pins) {
      assertThat(bytesOf(pinned)).isEqualTo(filled('v', 10_000));
      pinned.close();
    }
    assertThat(engine.store(StoreMode.SET, b("after"), 0, 0, filled('a', 10_000), 0)).isEqualTo(StoreResult.STORED);
  }

  @Test
  void closingAPinTwiceUnpinsOnce() {
    engine = engine(MB, true);
    engine.store(StoreMode.SET, b("a"), 0, 0, filled('a', 10_000), 0);
    engine.store(StoreMode.SET, b("b"), 0, 0, filled('b', 10_000), 0); // the same segment
    PinnedValue first = pin("a");
    PinnedValue second = pin("b");
    first.close();
    first.close();
    fill("other", 400);
    assertThat(read("a")).as("the second pin still holds the segment").isNotNull();
    second.close();
  }

  @Test
  void aLoweredLimitThatMetPinnedSegmentsIsReachedByLaterStores() {
    engine = engine(4 * MB, true); // 16 pages of 256 KiB
    fill("k", 400);
    List<PinnedValue> pins = new ArrayList<>();
    for (int i = 0; i < 400; i += 25) { // 25 values of 10 KB fill a page: one pin in each
      if (read("k" + i) != null) {
        pins.add(pin("k" + i));
      }
    }
    engine.setMemoryLimit(MB);
    pins.forEach(PinnedValue::close);
    assertThat(engine.stats().bytes()).as("pinned segments stayed").isGreaterThan(MB);
    assertThat(engine.store(StoreMode.SET, b("after"), 0, 0, filled('a', 10_000), 0)).isEqualTo(StoreResult.STORED);
    assertThat(engine.stats().bytes()).isLessThanOrEqualTo(MB);
  }

  private void fill(String prefix, int count) {
    for (int i = 0; i < count; i++) {
      assertThat(engine.store(StoreMode.SET, b(prefix + i), 0, 0, filled('o', 10_000), 0)).isEqualTo(StoreResult.STORED);
    }
  }

  @Override
  CacheEngine newEngine(EngineConfig config) {
    return new SegmentEngine(config);
  }

  @Override
  long itemCost(int keyLength, int valueLength) {
    return ItemLayout.size(keyLength, valueLength, 0) + Long.BYTES;
  }
}
