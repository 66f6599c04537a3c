package dev.larder.bench;

/** What one reply says, in any of the three protocols, as far as the bench needs to know. */
public enum Reply {
  /**
   * A value, data included: text {@code VALUE <key> <flags> <bytes>}, meta {@code VA <bytes>} or a
   * binary get's success.
   */
  HIT,
  /** Meta {@code EN} or a binary get's "key not found": the key was not found. */
  MISS,
  /** Text {@code END}: the end of a get's values. */
  END,
  /** Meta {@code MN} or a binary NOOP: the end of a batch of quiet requests. */
  NO_OP,
  /** Text {@code STORED}, meta {@code HD} or a binary set's success. */
  STORED,
  /**
   * A refused store: {@code NOT_STORED}/{@code NS}, {@code EXISTS}/{@code EX} or
   * {@code NOT_FOUND}/{@code NF}, or the binary statuses of the same names.
   */
  NOT_STORED,
  /** {@code ERROR}, {@code CLIENT_ERROR ...}, {@code SERVER_ERROR ...} or any other binary status. */
  ERROR
}
