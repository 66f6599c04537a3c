package dev.larder.bench.clients;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one caller thread saw: counts and a latency histogram in nanoseconds. Written by its own
 * thread only, read once that thread has ended, so it needs no synchronisation.
 */
final class CallerStats {
  private static final int SIGNIFICANT_DIGITS = 3;
  /**
   * The longest latency recorded as itself; longer ones count as this. The histogram is sized for it up
   * front, so recording never allocates: a histogram that grew would put new arrays, live until the
   * report, in the young generation of the client under test.
   */
  static final long LONGEST_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Histogram latency = new Histogram(LONGEST_NANOS, SIGNIFICANT_DIGITS);
  private long gets;
  private long sets;
  private long hits;
  private long misses;
  private long errors;
  private Exception firstError;

  /** A get that returned the key's value. */
  void hit(long nanos) {
    gets++;
    hits++;
    record(nanos);
  }

  /** A get that found nothing. */
  void miss(long nanos) {
    gets++;
    misses++;
    record(nanos);
  }

  /** A set the server stored. */
  void stored(long nanos) {
    sets++;
    record(nanos);
  }

  /**
   * A get or set that failed: it threw, a set was refused, or a get returned another key's value.
   *
   * @param cause what went wrong, kept if it is the first
   */
  void failed(boolean set, long nanos, Exception cause) {
    if (set) {
      sets++;
    } else {
      gets++;
    }
    errors++;
    if (firstError == null) {
      firstError = cause;
    }
    record(nanos);
  }

  private void record(long nanos) {
    latency.recordValue(Math.min(nanos, LONGEST_NANOS));
  }

  Histogram latency() {
    return latency;
  }

  long gets() {
    return gets;
  }

  long sets() {
    return sets;
  }

  long hits() {
    return hits;
  }

  long misses() {
    return misses;
  }

  long errors() {
    return errors;
  }

  /** The first failure, or null when there was none. */
  Exception firstError() {
    return firstError;
  }
}
