package dev.larder.bench.simulator;

import dev.larder.storage.CacheEngine;

/**
 * Replays a request stream through each {@link Policy} at one memory limit, each from an empty
 * engine, and returns their miss ratios side by side.
 */
public final class EvictionSimulator {
  private EvictionSimulator() {}

  /** {@code stream} through SegmentEngine and through LRU at {@code memoryLimit} bytes. */
  public static SimulationResult simulate(RequestStream stream, long memoryLimit) {
    return new SimulationResult(stream.name(), stream.keys().length - stream.countedFrom(), memoryLimit,
        stream.compulsoryMissRatio(), missRatio(Policy.SEGMENT_ENGINE, stream, memoryLimit),
        missRatio(Policy.LRU, stream, memoryLimit));
  }

  private static double missRatio(Policy policy, RequestStream stream, long memoryLimit) {
    try (CacheEngine engine = policy.open(memoryLimit)) {
      return new CacheAsideReplay().missRatio(engine, stream);
    }
  }
}
