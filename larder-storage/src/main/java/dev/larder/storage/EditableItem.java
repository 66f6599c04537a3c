package dev.larder.storage;

/**
 * A live item as {@link CacheEngine#edit} shows it: its data, what the engine knows about its use
 * and its lease state, and the few changes a lookup may make to it in place (its CAS unique stays).
 * Valid only inside {@link ItemEditor#edit}; the engine holds the key's lock meanwhile.
 *
 * <p>The lease state serves memcached's meta protocol: an item marked <em>stale</em> was invalidated
 * but still serves its old value, and <em>win token sent</em> records that one client has already
 * been told to recompute it, so that others are not.
 */
public interface EditableItem extends ItemView {
  /** Whether the item had been read before this lookup. */
  boolean fetched();

  /** When the item was last stored or read before this lookup, in epoch milliseconds. */
  long lastAccessedAt();

  /** Whether the item was invalidated ({@link CacheEngine#markStale}) and not stored since. */
  boolean stale();

  /** Whether a client was already handed the win for this item ({@link #markWinTokenSent}). */
  boolean winTokenSent();

  /** The bytes the item costs against the memory limit. */
  long footprint();

  /** Sets the item's expiry (absolute epoch milliseconds, 0 for never). */
  void expiresAt(long expiresAt);

  /** Records that a client was handed the win for this item. */
  void markWinTokenSent();
}
