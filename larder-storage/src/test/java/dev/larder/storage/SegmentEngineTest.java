package dev.larder.storage;

class SegmentEngineTest extends CacheEngineContract {
  @Override
  CacheEngine newEngine(EngineConfig config) {
    return new SegmentEngine(config);
  }

  @Override
  long itemCost(int keyLength, int valueLength) {
    return ItemLayout.size(keyLength, valueLength, 0) + Long.BYTES;
  }
}
