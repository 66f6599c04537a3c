package dev.larder.storage;

/**
 * What {@link CacheEngine#applyDelta} stores when the key is missing.
 *
 * @param value the 64-bit unsigned number to store
 * @param expiresAt its expiry, absolute epoch milliseconds, 0 for never
 */
public record InitialValue(long value, long expiresAt) {}
