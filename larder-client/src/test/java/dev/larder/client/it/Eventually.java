package dev.larder.client.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Bounded waits for what should happen soon: tests poll for an outcome rather than sleep and assert. */
final class Eventually {
  /** The longest any test waits for something that should happen much sooner. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private Eventually() {}

  /**
   * Calls {@code attempt} until it returns without throwing an exception or failing an assertion, and
   * returns what it returned; after {@link #PATIENCE}, throws what its last call threw.
   */
  static <T> T eventually(Callable<T> attempt) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        return attempt.call();
      } catch (RuntimeException | AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(20);
      }
    }
  }
}
