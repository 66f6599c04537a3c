package dev.larder.bench;

/**
 * When one connection sends, and the latency of each reply. At most {@code pipeline} requests are
 * in flight. Closed loop ({@code interval == 0}), a request is sent as soon as a slot is free and
 * its latency runs from that moment. At a fixed rate, request {@code n} is intended for
 * {@code start + n * interval}; it goes then, or as soon as a slot frees after it, and its latency
 * runs from the intended time, so a slow server's queueing is measured and not hidden (no
 * coordinated omission). Times are nanoseconds from any fixed origin, passed in by the caller.
 */
final class Pacer {
  /** {@link #nextSendTime} when every slot is in flight. */
  static final long NO_FREE_SLOT = Long.MAX_VALUE;

  private final long start;
  private final long interval;
  private final long[] intendedTimes;
  private final boolean[] sets;
  private long sent;
  private long completed;

  /**
   * @param pipeline most requests in flight
   * @param start when request 0 is intended, at a fixed rate
   * @param interval nanoseconds between intended send times, or 0 for a closed loop
   */
  Pacer(int pipeline, long start, long interval) {
    if (pipeline < 1 || interval < 0) {
      throw new IllegalArgumentException("pipeline: " + pipeline + ", interval: " + interval
          + " (expected: pipeline >= 1, interval >= 0)");
    }
    this.start = start;
    this.interval = interval;
    this.intendedTimes = new long[pipeline];
    this.sets = new boolean[pipeline];
  }

  /**
   * When the next request may go: {@code now} or earlier if it may go now (at a fixed rate, the
   * time it was intended for), a later time to wait for, or {@link #NO_FREE_SLOT}.
   */
  long nextSendTime(long now) {
    if (inFlight() == intendedTimes.length) {
      return NO_FREE_SLOT;
    }
    return interval == 0 ? now : start + sent * interval;
  }

  /** Records that the next request went at {@code now}; call only when {@link #nextSendTime} allowed it. */
  void sent(long now, boolean set) {
    int slot = (int) (sent % intendedTimes.length);
    intendedTimes[slot] = Math.min(now, nextSendTime(now));
    sets[slot] = set;
    sent++;
  }

  /** Whether the oldest request in flight is a set. */
  boolean oldestIsSet() {
    return sets[oldestSlot()];
  }

  /**
   * Records that the oldest request in flight was answered; returns the time it was intended for
   * (closed loop: sent), from which its latency counts.
   */
  long completed() {
    if (inFlight() == 0) {
      throw new IllegalStateException("no request in flight");
    }
    long intendedTime = intendedTimes[oldestSlot()];
    completed++;
    return intendedTime;
  }

  int inFlight() {
    return (int) (sent - completed);
  }

  private int oldestSlot() {
    return (int) (completed % intendedTimes.length);
  }
}
