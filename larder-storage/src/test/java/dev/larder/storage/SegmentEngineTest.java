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
  void prefetchLeavesItemsAndCountersAsTheyWere() {
    engine = newEngine(new EngineConfig(64 * MB, 256 * 1024, true, clock)); // four shards
    List<byte[]> keys = List.of(b("a"), b("b"));
    engine.prefetch(keys, 0, 2); // an empty index
    List<byte[]> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(b("k" + i));
      if (i % 2 == 0) {
        set("k" + i, "v" + i);
      }
    }
    EngineStats before = engine.stats();
    engine.prefetch(many, 0, many.size());
    engine.prefetch(many, 5, 21);
    assertThat(engine.stats()).isEqualTo(before);
    for (int i = 0; i < 40; i++) {
      assertThat(read("k" + i)).isEqualTo(i % 2 == 0 ? "v" + i : null);
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
