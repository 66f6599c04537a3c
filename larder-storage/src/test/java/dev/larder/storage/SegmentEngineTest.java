package dev.larder.storage;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Override
  CacheEngine newEngine(EngineConfig config) {
    return new SegmentEngine(config);
  }

  @Override
  long itemCost(int keyLength, int valueLength) {
    return ItemLayout.size(keyLength, valueLength, 0) + Long.BYTES;
  }
}
