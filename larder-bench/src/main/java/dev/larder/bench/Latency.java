package dev.larder.bench;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution's summary in microseconds.
 *
 * @param count how many requests it covers
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest latency
 */
public record Latency(long count, double p50, double p90, double p99, double p999, double max) {
  private static final double NANOS_PER_MICRO = 1000.0;

  /** Summarises a histogram of nanoseconds; all zero when it is empty. */
  public static Latency of(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return new Latency(0, 0, 0, 0, 0, 0);
    }
    return new Latency(nanos.getTotalCount(), micros(nanos, 50), micros(nanos, 90),
        micros(nanos, 99), micros(nanos, 99.9), nanos.getMaxValue() / NANOS_PER_MICRO);
  }

  private static double micros(Histogram nanos, double percentile) {
    return nanos.getValueAtPercentile(percentile) / NANOS_PER_MICRO;
  }
}
