package dev.larder.storage;

/** Receives an item found by a lookup; the view must not be kept after {@link #visit} returns. */
@FunctionalInterface
public interface ItemVisitor {
  void visit(ItemView item);
}
