package dev.larder.storage;

/**
 * Edits the items of a multi-key edit ({@link CacheEngine#editAll}): for each key in the order the
 * keys were given, says how to look it up, then is shown its item or told how it was missed. An item
 * must not be kept after {@link #edit} returns. Its methods may be called under a shard's lock, so
 * they must not call the engine.
 */
public interface MultiItemEditor {
  /** Whether a miss on key {@code index} first stores an empty item ({@link CacheEngine#edit}'s createIfMissing). */
  boolean createIfMissing(int index);

  /** Whether the lookup of key {@code index} counts as a read ({@link CacheEngine#edit}'s recordAccess). */
  boolean recordAccess(int index);

  /** Key {@code index}'s item, found or, with {@code created}, just created; under the key's lock. */
  void edit(int index, EditableItem item, boolean created);

  /** Key {@code index} was not found (nor created), for the reason {@code how} gives. */
  void missed(int index, Lookup how);
}
