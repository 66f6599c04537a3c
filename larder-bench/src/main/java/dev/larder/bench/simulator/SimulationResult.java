package dev.larder.bench.simulator;

import java.util.Locale;

/**
 * The miss ratios of one stream at one memory limit.
 *
 * @param stream the stream's name
 * @param requests how many requests were counted (after the warm-up)
 * @param memoryLimit the limit of every engine, in bytes
 * @param compulsory the miss ratio of an unlimited cache: the floor for every policy
 * @param segmentEngine SegmentEngine's miss ratio
 * @param lru strict LRU's miss ratio
 */
public record SimulationResult(
    String stream, long requests, long memoryLimit, double compulsory, double segmentEngine, double lru) {
  /** The header of {@link #toRow()}'s table. */
  public static final String HEADER = String.format(Locale.ROOT, "%-28s %10s %8s %10s %13s %8s %9s",
      "stream", "counted", "-m MB", "compulsory", "SegmentEngine", "LRU", "Seg/LRU");

  /** SegmentEngine's miss ratio over LRU's: below 1 means fewer misses. */
  public double ratio() {
    return segmentEngine / lru;
  }

  /** One line of a fixed-width table under {@link #HEADER}. */
  public String toRow() {
    return String.format(Locale.ROOT, "%-28s %10d %8.1f %10.4f %13.4f %8.4f %8.3fx",
        stream, requests, memoryLimit / (1024.0 * 1024), compulsory, segmentEngine, lru, ratio());
  }
}
