package dev.larder.storage;

/** How a change guarded by a CAS unique ({@link CacheEngine#delete(byte[], long)}, {@link CacheEngine#markStale}) ended. */
public enum ChangeResult {
  CHANGED,
  /** There is no live item with the key. */
  NOT_FOUND,
  /** The item's CAS unique is not the expected one. */
  EXISTS
}
