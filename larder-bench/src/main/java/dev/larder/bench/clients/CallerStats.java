package dev.larder.bench.clients;

import org.HdrHistogram.Histogram;

/**
 * What one caller thread saw: counts and a latency histogram in nanoseconds. Written by its own
 * thread only, read once that thread has ended, so it needs no synchronisation.
 */
final class CallerStats {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Histogram latency = new Histogram(SIGNIFICANT_DIGITS);
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
    latency.recordValue(nanos);
  }

  /** A get that found nothing. */
  void miss(long nanos) {
    gets++;
    misses++;
    latency.recordValue(nanos);
  }

  /** A set the server stored. */
  void stored(long nanos) {
    sets++;
    latency.recordValue(nanos);
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
    latency.recordValue(nanos);
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
