package dev.larder.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of one phase shares: the request budget, which requests are measured, the
 * order to stop, the first failure, and the count of connections still running.
 */
final class RunControl {
  /** The budget of a run bounded by time. */
  static final long UNLIMITED = Long.MAX_VALUE;

  private final boolean limited;
  /** Written before the connections start; their event loops see it through the task that starts them. */
  private long measuredFrom = Long.MIN_VALUE;
  private final AtomicLong budget;
  private final CountDownLatch running;
  private volatile boolean stopping;
  private volatile String failure;

  /** @param requests the budget of measured requests, or {@link #UNLIMITED} */
  RunControl(long requests, int connections) {
    this.limited = requests != UNLIMITED;
    this.budget = new AtomicLong(requests);
    this.running = new CountDownLatch(connections);
  }

  /**
   * Measures only the requests intended for {@code time} ({@link System#nanoTime}) or later; without
   * this call, all. Call before starting the connections.
   */
  void measureFrom(long time) {
    measuredFrom = time;
  }

  /**
   * Whether a request intended for {@code intendedTime} is measured. Requests meant for before that
   * are the run's unmeasured start, while the JIT compiles the bench; those meant for later count in
   * full, however late an earlier one made them.
   */
  boolean measures(long intendedTime) {
    return intendedTime >= measuredFrom;
  }

  /** Takes one measured request from the budget; false once it is spent. */
  boolean tryAcquireRequest() {
    return !limited || budget.getAndDecrement() > 0;
  }

  /** Whether connections should send nothing more: told to stop, failed, or budget spent. */
  boolean stopping() {
    return stopping || (limited && budget.get() <= 0);
  }

  /** Tells every connection to send nothing more and finish once its replies are in. */
  void stop() {
    stopping = true;
  }

  /** Ends the run with {@code message}; the first failure wins. */
  void fail(String message) {
    if (failure == null) {
      failure = message;
    }
    stopping = true;
    while (running.getCount() > 0) {
      running.countDown();
    }
  }

  /** The first failure, or null. */
  String failure() {
    return failure;
  }

  /** Says that one connection has had every reply it waited for. */
  void connectionDone() {
    running.countDown();
  }

  /** Waits up to {@code nanos} for every connection to be done, or for a failure; true if so. */
  boolean awaitDone(long nanos) throws InterruptedException {
    return running.await(nanos, TimeUnit.NANOSECONDS);
  }
}
