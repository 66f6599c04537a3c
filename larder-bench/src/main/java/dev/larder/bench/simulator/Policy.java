package dev.larder.bench.simulator;

import dev.larder.storage.CacheClock;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.EngineConfig;
import dev.larder.storage.ReferenceEngine;
import dev.larder.storage.SegmentEngine;

/** The engines the simulator compares, each built for a memory limit with memcached's defaults otherwise. */
public enum Policy {
  /** The production engine: segments, segment-level CLOCK eviction. */
  SEGMENT_ENGINE("SegmentEngine"),
  /** The reference engine: strict LRU over items charged an exact per-item cost. */
  LRU("LRU");

  /** memcached's default {@code -I}, which decides SegmentEngine's page size. */
  private static final int MAX_ITEM_SIZE = 1024 * 1024;

  private final String label;

  Policy(String label) {
    this.label = label;
  }

  /** The name reports give it. */
  public String label() {
    return label;
  }

  /** A new, empty engine of this policy, evicting when full. */
  public CacheEngine open(long memoryLimit) {
    EngineConfig config = new EngineConfig(memoryLimit, MAX_ITEM_SIZE, true, CacheClock.SYSTEM);
    return this == SEGMENT_ENGINE ? new SegmentEngine(config) : new ReferenceEngine(config);
  }
}
