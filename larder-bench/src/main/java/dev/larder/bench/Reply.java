package dev.larder.bench;

/** What one reply line says, in either protocol, as far as the bench needs to know. */
public enum Reply {
  /** A value: text {@code VALUE <key> <flags> <bytes>} or meta {@code VA <bytes>}, data included. */
  HIT,
  /** Meta {@code EN}: the key was not found. */
  MISS,
  /** Text {@code END}: the end of a get's values. */
  END,
  /** Meta {@code MN}: the end of a batch of quiet requests. */
  NO_OP,
  /** Text {@code STORED} or meta {@code HD}. */
  STORED,
  /**
   * A refused store: {@code NOT_STORED}/{@code NS}, {@code EXISTS}/{@code EX} or
   * {@code NOT_FOUND}/{@code NF}.
   */
  NOT_STORED,
  /** {@code ERROR}, {@code CLIENT_ERROR ...} or {@code SERVER_ERROR ...}. */
  ERROR
}
