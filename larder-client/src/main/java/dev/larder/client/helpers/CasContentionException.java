package dev.larder.client.helpers;

import dev.larder.client.CacheException;

/**
 * {@link CasUpdater#update} gave up: every one of its attempts found that another client had written
 * the key between its read and its check-and-set. Nothing was stored by the last attempt.
 */
public final class CasContentionException extends CacheException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final int attempts;

  /**
   * @param key the key being updated
   * @param attempts how many times the update was tried
   */
  public CasContentionException(String key, int attempts) {
    super("key " + key + ": changed under every one of " + attempts + " check-and-set attempts", null, null);
    this.key = key;
    this.attempts = attempts;
  }

  /** The key being updated. */
  public String key() {
    return key;
  }

  /** How many times the update was tried. */
  public int attempts() {
    return attempts;
  }
}
