package dev.larder.storage;

/** memcached's exptime rules, turning the wire's seconds into the engine's absolute milliseconds. */
public final class Expiry {
  /** Exptimes up to 30 days are relative seconds; larger ones are absolute Unix times. */
  public static final long MAX_RELATIVE_SECONDS = 60L * 60 * 24 * 30;

  /** An expiry that has always passed, for negative exptimes. */
  public static final long ALREADY_EXPIRED = 1;

  private Expiry() {}

  /**
   * Converts a memcached exptime into absolute epoch milliseconds: 0 stays 0 (never), negative is
   * already expired, up to {@link #MAX_RELATIVE_SECONDS} is relative to {@code nowMillis}, larger is
   * an absolute Unix time in seconds.
   */
  public static long fromExptime(long exptime, long nowMillis) {
    if (exptime == 0) {
      return 0;
    }
    if (exptime < 0) {
      return ALREADY_EXPIRED;
    }
    if (exptime <= MAX_RELATIVE_SECONDS) {
      return nowMillis + exptime * 1000;
    }
    return Math.max(ALREADY_EXPIRED, exptime * 1000);
  }

  /** Whether an item with this expiry is dead at {@code nowMillis}. */
  public static boolean isExpired(long expiresAt, long nowMillis) {
    return expiresAt != 0 && expiresAt <= nowMillis;
  }
}
