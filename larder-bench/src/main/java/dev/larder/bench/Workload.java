package dev.larder.bench;

/** The requests one connection sends, one after another. Used by its event loop only. */
interface Workload {
  /** Whether there is another request; a measured workload never runs out, a prefill does. */
  boolean hasNext();

  /**
   * Chooses the next request and writes its keys into {@code keys}.
   *
   * @return true for a set of {@code keys[0]}, false for a get of every key in {@code keys}
   */
  boolean nextIsSet(long[] keys);
}
