package dev.larder.storage;

class ReferenceEngineTest extends CacheEngineContract {
  @Override
  CacheEngine newEngine(EngineConfig config) {
    return new ReferenceEngine(config);
  }

  @Override
  long itemCost(int keyLength, int valueLength) {
    return ReferenceEngine.cost(keyLength, valueLength);
  }
}
