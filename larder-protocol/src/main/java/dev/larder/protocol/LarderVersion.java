package dev.larder.protocol;

/**
 * The version Larder reports to clients ({@code version}, {@code stats}): the memcached release whose
 * behaviour it matches, then Larder's own version, so that clients parsing memcached versions keep
 * working.
 */
public final class LarderVersion {
  /** The memcached release whose replies Larder reproduces byte for byte. */
  public static final String MEMCACHED_COMPATIBLE = "1.6.18";

  /** What {@code version} and {@code stats} report. */
  public static final String VERSION = MEMCACHED_COMPATIBLE + "+larder.0.1.0";

  private LarderVersion() {}
}
