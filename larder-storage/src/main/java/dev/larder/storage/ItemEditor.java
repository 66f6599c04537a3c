package dev.larder.storage;

/** Receives the item {@link CacheEngine#edit} found or created; the item must not be kept after {@link #edit} returns. */
@FunctionalInterface
public interface ItemEditor {
  /** Does nothing, for callers that want only the outcome. */
  ItemEditor NONE = (item, created) -> {};

  /**
   * @param item the item, under its key's lock
   * @param created whether this very call created it (an empty item on a miss)
   */
  void edit(EditableItem item, boolean created);
}
