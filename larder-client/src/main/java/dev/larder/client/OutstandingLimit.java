package dev.larder.client;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the operations of one server from acceptance until their outcome is known, up to a bound. */
final class OutstandingLimit {
  private final int max;
  private final AtomicInteger outstanding = new AtomicInteger();

  OutstandingLimit(int max) {
    this.max = max;
  }

  /** Counts one more operation, or returns false when {@code max} are already outstanding. */
  boolean tryAcquire() {
    if (outstanding.incrementAndGet() > max) {
      outstanding.decrementAndGet();
      return false;
    }
    return true;
  }

  /** One operation has its outcome: a reply, a failure or a timeout. */
  void release() {
    outstanding.decrementAndGet();
  }

  int max() {
    return max;
  }
}
