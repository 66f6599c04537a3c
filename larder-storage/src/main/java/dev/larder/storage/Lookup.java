package dev.larder.storage;

/** How a lookup ended; the miss kinds feed memcached's {@code get_expired}/{@code get_flushed} stats. */
public enum Lookup {
  HIT,
  MISS,
  /** The item was there but its time had passed. */
  EXPIRED,
  /** The item was there but a {@code flush_all} had invalidated it. */
  FLUSHED;

  public boolean hit() {
    return this == HIT;
  }
}
