package dev.larder.client.helpers;

import java.time.Duration;

/**
 * How {@link CacheAside} takes leases ({@link dev.larder.client.LarderClient#leaseGet}).
 *
 * @param leaseTtl seconds a winner has to load and store a missing value before another caller wins:
 *     longer than the slowest load, or a second caller loads too
 * @param recacheTtl 0 for no early refresh; else one reader of a value with fewer seconds left wins a
 *     refresh in the background while everyone keeps reading the value
 * @param maxWait how long a caller that finds another caller's load under way keeps reading again
 *     before it loads the value itself, without storing it (the winner stores it): longer than the
 *     slowest load, or callers load too
 */
public record LeasePolicy(int leaseTtl, int recacheTtl, Duration maxWait) {
  /** Leases of 30 seconds, no early refresh, waits of at most 3 seconds for another caller's load. */
  public static final LeasePolicy DEFAULT = new LeasePolicy(30, 0, Duration.ofSeconds(3));

  /** @throws IllegalArgumentException if a duration is not positive, or {@code recacheTtl} is negative */
  public LeasePolicy {
    if (leaseTtl <= 0) {
      throw new IllegalArgumentException("leaseTtl: " + leaseTtl + " (expected: > 0)");
    }
    if (recacheTtl < 0) {
      throw new IllegalArgumentException("recacheTtl: " + recacheTtl + " (expected: >= 0)");
    }
    if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait: " + maxWait + " (expected: > 0)");
    }
  }
}
