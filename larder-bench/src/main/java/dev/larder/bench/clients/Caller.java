package dev.larder.bench.clients;

import dev.larder.bench.Ratio;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One application thread: blocking gets and sets of uniformly drawn keys in the get:set ratio, one at a
 * time, each timed from call to return.
 */
final class Caller implements Runnable {
  private final BenchClient client;
  private final KeySpace keys;
  private final Ratio ratio;
  private final SplittableRandom random;
  private final long calls;
  private final BooleanSupplier stopped;
  private final CallerStats stats = new CallerStats();

  /**
   * @param calls how many calls to make at most
   * @param stopped checked before each call: true ends the run early
   */
  Caller(BenchClient client, KeySpace keys, Ratio ratio, SplittableRandom random, long calls,
      BooleanSupplier stopped) {
    this.client = client;
    this.keys = keys;
    this.ratio = ratio;
    this.random = random;
    this.calls = calls;
    this.stopped = stopped;
  }

  @Override
  public void run() {
    for (long sequence = 0; sequence < calls && !stopped.getAsBoolean(); sequence++) {
      call(ratio.isSet(sequence), random.nextInt(keys.size()));
    }
  }

  /** What the caller saw; read once its thread has ended. */
  CallerStats stats() {
    return stats;
  }

  private void call(boolean set, int index) {
    long start = System.nanoTime();
    try {
      if (set) {
        boolean stored = client.set(keys.key(index), keys.value(index));
        long nanos = System.nanoTime() - start;
        if (stored) {
          stats.stored(nanos);
        } else {
          stats.failed(true, nanos, new IllegalStateException("set " + keys.key(index) + ": not stored"));
        }
      } else {
        byte[] value = client.get(keys.key(index));
        long nanos = System.nanoTime() - start;
        if (value == null) {
          stats.miss(nanos);
        } else if (keys.holds(index, value)) {
          stats.hit(nanos);
        } else {
          stats.failed(false, nanos, new IllegalStateException("get " + keys.key(index) + ": another value"));
        }
      }
    } catch (Exception e) {
      stats.failed(set, System.nanoTime() - start, e);
    }
  }
}
