package dev.larder.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and latency recorders shared by every connection of a run. Connections record without
 * locks (HdrHistogram {@link Recorder}s and {@link LongAdder}s); one reader thread takes interval
 * histograms and keeps the running totals.
 */
final class BenchStats {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder getRecorder = new Recorder(SIGNIFICANT_DIGITS);
  private final Recorder setRecorder = new Recorder(SIGNIFICANT_DIGITS);
  private final LongAdder gets = new LongAdder();
  private final LongAdder sets = new LongAdder();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder unmeasured = new LongAdder();

  /** Read side only: everything recorded up to the last {@link #collect}. */
  private final Histogram getLatency = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram setLatency = new Histogram(SIGNIFICANT_DIGITS);
  private Histogram getInterval;
  private Histogram setInterval;

  /** Records one measured request, answered; called by the connections' event loops. */
  void record(ReplyTracker reply, long latencyNanos) {
    if (reply.isSet()) {
      sets.increment();
      setRecorder.recordValue(latencyNanos);
    } else {
      gets.increment();
      hits.add(reply.hits());
      misses.add(reply.misses());
      getRecorder.recordValue(latencyNanos);
    }
    if (reply.failed()) {
      errors.increment();
    }
  }

  /** Counts one answered request that is not measured; called by the connections' event loops. */
  void recordUnmeasured() {
    unmeasured.increment();
  }

  /** Moves what was recorded since the last call into the running totals; reader thread only. */
  void collect() {
    getInterval = getRecorder.getIntervalHistogram(getInterval);
    setInterval = setRecorder.getIntervalHistogram(setInterval);
    getLatency.add(getInterval);
    setLatency.add(setInterval);
  }

  /** Measured requests answered. */
  long ops() {
    return gets.sum() + sets.sum();
  }

  /** Requests answered, measured or not. */
  long replies() {
    return ops() + unmeasured.sum();
  }

  long gets() {
    return gets.sum();
  }

  long sets() {
    return sets.sum();
  }

  long hits() {
    return hits.sum();
  }

  long misses() {
    return misses.sum();
  }

  long errors() {
    return errors.sum();
  }

  /** Get latencies in nanoseconds up to the last {@link #collect}. */
  Histogram getLatency() {
    return getLatency;
  }

  /** Set latencies in nanoseconds up to the last {@link #collect}. */
  Histogram setLatency() {
    return setLatency;
  }

  /** Both kinds together, up to the last {@link #collect}; a new histogram. */
  Histogram allLatency() {
    Histogram all = getLatency.copy();
    all.add(setLatency);
    return all;
  }
}
