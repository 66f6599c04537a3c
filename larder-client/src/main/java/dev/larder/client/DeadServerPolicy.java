package dev.larder.client;

import dev.larder.client.ServerHealth.Dead;
import dev.larder.client.ServerHealth.Failing;
import java.time.Duration;

/**
 * When a failing server is marked dead and when it is looked at again, as pymemcache's {@code
 * HashClient} decides: a server is dead at its failure number {@code retryAttempts + 1}, counting only
 * failures at least {@code retryTimeout} after the last one counted and none followed by a success; it
 * stays dead for {@code deadTimeout}. The methods give the {@link ServerHealth} that follows each
 * event; times are {@link System#nanoTime()} readings.
 *
 * <p>pymemcache spaces its attempts by not trying a failing server again before the retry timeout;
 * this client keeps trying (a server with no open connection fails at once, costing nothing), so it
 * counts one failure per retry timeout instead. Either way, the many commands that fail together when
 * a connection drops count once.
 *
 * @param retryAttempts failures after the first before the server is dead; 0 marks it dead at once
 * @param retryTimeout the least time between two counted failures
 * @param deadTimeout how long a dead server is left out
 */
record DeadServerPolicy(int retryAttempts, Duration retryTimeout, Duration deadTimeout) {
  /** pymemcache's defaults: 2 retry attempts, a 1 second retry timeout, a 60 second dead timeout. */
  static final DeadServerPolicy PYMEMCACHE =
      new DeadServerPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(60));

  DeadServerPolicy {
    if (retryAttempts < 0) {
      throw new IllegalArgumentException("deadServerPolicy retryAttempts: " + retryAttempts + " (expected: >= 0)");
    }
    // The retry timeout also spaces the checks of a dead server that stays unreachable, so it cannot be 0.
    if (retryTimeout == null || retryTimeout.isNegative() || retryTimeout.isZero()) {
      throw new IllegalArgumentException("deadServerPolicy retryTimeout: " + retryTimeout + " (expected: > 0)");
    }
    if (deadTimeout == null || deadTimeout.isNegative() || deadTimeout.isZero()) {
      throw new IllegalArgumentException("deadServerPolicy deadTimeout: " + deadTimeout + " (expected: > 0)");
    }
  }

  /** A command sent to the server succeeded: a failing server is healthy again. */
  ServerHealth afterSuccess(ServerHealth health) {
    return health instanceof Failing ? ServerHealth.HEALTHY : health;
  }

  /** A command sent to the server failed because the server is down, unreachable or silent. */
  ServerHealth afterFailure(ServerHealth health, long nowNanos) {
    if (health instanceof Dead) {
      // Commands sent before it was marked dead, or while every server was dead, tell nothing new.
      return health;
    }
    int failures = 1;
    if (health instanceof Failing failing) {
      if (nowNanos - failing.lastNanos() < retryTimeout.toNanos()) {
        return health;
      }
      failures = failing.failures() + 1;
    }
    return failures > retryAttempts ? new Dead(nowNanos + deadTimeout.toNanos()) : new Failing(failures, nowNanos);
  }

  /**
   * A dead server whose dead timeout is over goes back into routing if it has an open connection (its
   * connections keep reconnecting in the background). One still unreachable stays out and is looked at
   * again after the retry timeout: putting it back would only fail its keys again.
   */
  ServerHealth afterReview(ServerHealth health, long nowNanos, boolean connected) {
    if (!(health instanceof Dead dead) || nowNanos - dead.untilNanos() < 0) {
      return health;
    }
    return connected ? ServerHealth.HEALTHY : new Dead(nowNanos + retryTimeout.toNanos());
  }
}
