package dev.larder.client;

/**
 * A value with the CAS unique it had when it was read ({@code gets}, {@code gats}): pass the unique to
 * {@link LarderClient#cas} to store a new value only if nobody changed it in between.
 *
 * @param value the decoded value
 * @param cas the item's CAS unique, a 64-bit unsigned number
 * @param <V> the value type
 */
public record CasValue<V>(V value, long cas) {}
