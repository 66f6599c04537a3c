package dev.larder.client;

/**
 * What a lease read ({@link LarderClient#leaseGet}) found, and whether this caller won the right to
 * load the value: on a miss, exactly one caller across every client of the server wins; the others
 * find no value and should read again shortly. After an invalidation ({@link LarderClient#invalidate})
 * one caller wins the refresh and the others read the stale value.
 *
 * <ul>
 *   <li>{@code value != null && !won}: use the value (stale when {@code stale}: someone else is
 *       refreshing it).
 *   <li>{@code value != null && won}: use the value, and refresh it: load it again and {@link
 *       LarderClient#fillLease fill} the lease.
 *   <li>{@code value == null && won}: load the value and fill the lease; if loading fails, {@link
 *       LarderClient#releaseLease release} it so that the next reader wins at once.
 *   <li>{@code value == null && !won}: another caller is loading it: read again shortly.
 * </ul>
 *
 * @param value the value, stale when {@code stale}; null on a miss or while the winner loads it
 * @param cas the CAS unique a fill or release must carry; 0 when the server holds no lease for this
 *     caller (a server without the meta protocol, where every caller that misses wins)
 * @param won whether this caller should load the value and fill the lease
 * @param stale whether {@code value} was invalidated and awaits a refresh
 * @param <V> the type of values
 */
public record Lease<V>(V value, long cas, boolean won, boolean stale) {

  /** A miss that every caller wins, with no lease held on the server: what a text-only server gives. */
  public static <V> Lease<V> missWithoutLease() {
    return new Lease<>(null, 0, true, false);
  }
}
