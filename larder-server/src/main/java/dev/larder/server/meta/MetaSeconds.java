package dev.larder.server.meta;

/**
 * memcached's whole-second clock for the times meta replies show. Expiries count in seconds rounded
 * up, as engines store them, so an item set with {@code T30} shows {@code t30} until the next second
 * begins, as in memcached; ages count whole seconds passed.
 */
final class MetaSeconds {
  private MetaSeconds() {}

  /** {@code expiresAt} (epoch millis, not 0) in whole seconds, rounded up. */
  static long expirySeconds(long expiresAt) {
    return (expiresAt + 999) / 1000;
  }

  /**
   * The seconds an item has left, as memcached's {@code exptime - current_time}: a 32-bit unsigned
   * number, so an expiry already passed reads as a huge one.
   */
  static long secondsLeft(long expiresAt, long now) {
    return (expirySeconds(expiresAt) - expirySeconds(now)) & 0xFFFF_FFFFL;
  }

  /** Whole seconds from {@code then} to {@code now}, both epoch millis. */
  static long secondsSince(long then, long now) {
    return (now / 1000 - then / 1000) & 0xFFFF_FFFFL;
  }
}
