package dev.larder.storage;

/** memcached's storage commands. */
public enum StoreMode {
  /** Store unconditionally. */
  SET,
  /** Store only if no live item has the key. */
  ADD,
  /** Store only if a live item has the key. */
  REPLACE,
  /** Add bytes after an existing value. */
  APPEND,
  /** Add bytes before an existing value. */
  PREPEND,
  /** Store only if the live item's CAS unique equals the expected one. */
  CAS
}
