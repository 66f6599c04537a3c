package dev.larder.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before reconnection attempt number {@code n} (0 first): {@code min * 2^n}, capped
 * at {@code max}, then jittered to a random point in its upper half so that many clients that lost the
 * same server do not reconnect in step.
 *
 * @param min the wait before the first attempt, before jitter
 * @param max the longest wait
 */
record ReconnectBackoff(Duration min, Duration max) {
  ReconnectBackoff {
    if (min == null || max == null || min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException("reconnectBackoff min: " + min + " (expected: > 0)");
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("reconnectBackoff max: " + max + " (expected: >= min " + min + ")");
    }
  }

  /** The wait before attempt {@code attempt}, in nanoseconds. */
  long delayNanos(int attempt) {
    long maxNanos = max.toNanos();
    long capped = Math.min(min.toNanos(), maxNanos);
    for (int i = 0; i < attempt && capped < maxNanos; i++) {
      capped = capped > maxNanos / 2 ? maxNanos : capped * 2;
    }
    long half = capped / 2;
    return capped - half + ThreadLocalRandom.current().nextLong(half + 1);
  }
}
