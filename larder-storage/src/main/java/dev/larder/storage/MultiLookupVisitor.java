package dev.larder.storage;

/**
 * Receives how each key of a multi-key lookup ({@link CacheEngine#getAll}) ended, one call per key in
 * the order the keys were given; a hit's view must not be kept after {@link #hit} returns.
 */
public interface MultiLookupVisitor {
  /** The key at {@code index} was found. */
  void hit(int index, ItemView item);

  /** The key at {@code index} was not found, for the reason {@code how} gives. */
  void missed(int index, Lookup how);
}
