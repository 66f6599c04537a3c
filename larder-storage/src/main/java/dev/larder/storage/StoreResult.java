package dev.larder.storage;

/** How a store ended. */
public enum StoreResult {
  STORED,
  /** The mode's condition failed (add over a live item; replace, append or prepend on a miss). */
  NOT_STORED,
  /** CAS: the item changed since the expected unique was read. */
  EXISTS,
  /** CAS: there is no live item with the key. */
  NOT_FOUND,
  /** The item can never fit the item size limit. */
  TOO_LARGE,
  /** The cache is full and evictions are disabled. */
  NO_MEMORY
}
