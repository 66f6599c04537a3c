package dev.larder.client;

/** The outcome of {@link LarderClient#cas}, one per memcached reply. */
public enum CasResult {
  /** {@code STORED}: nobody had changed the item; the new value is stored. */
  STORED,
  /** {@code EXISTS}: the item changed since it was read; nothing was stored. */
  EXISTS,
  /** {@code NOT_FOUND}: the item expired or was deleted since it was read; nothing was stored. */
  NOT_FOUND
}
