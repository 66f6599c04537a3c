package dev.larder.client;

/**
 * What a server's recent failures say about it, counted as pymemcache's {@code HashClient} counts
 * them. Immutable: {@link DeadServerPolicy} gives the state that follows each event. Times are
 * {@link System#nanoTime()} readings.
 */
sealed interface ServerHealth {
  /** The state of a server that has not failed since it last succeeded. */
  ServerHealth HEALTHY = new Healthy();

  /** No failure since the last success. */
  record Healthy() implements ServerHealth {}

  /**
   * Failed {@code failures} times with no success since, each failure at least the retry timeout after
   * the one before; the last at {@code lastNanos}.
   */
  record Failing(int failures, long lastNanos) implements ServerHealth {}

  /** Left out of routing until {@code untilNanos}, when it is looked at again. */
  record Dead(long untilNanos) implements ServerHealth {}
}
