package dev.larder.protocol.meta;

/**
 * The flags of one meta command, parsed as memcached 1.6.18's {@code _meta_flag_preparse} does: each
 * flag at most once, numbers with memcached's rules. Replies list some flags back in the order the
 * request gave them, so that order is kept in {@code order}.
 *
 * @param order the first byte of every flag token, in request order
 * @param opaque the whole {@code O} token (the {@code O} included), echoed in replies; null when absent
 * @param base64Key {@code b}: the key was sent in base64 (the request's key is already decoded)
 * @param quiet {@code q}: leave out the reply memcached deems uninteresting for the command
 * @param value {@code v}: return the value
 * @param noBump {@code u}: the read does not count as an access
 * @param invalidate {@code I}: md marks stale instead of deleting; ms with a CAS stores a stale item
 * @param ttl {@code T}: a new exptime (32-bit, memcached's exptime rules), or {@link #ABSENT}
 * @param vivifyTtl {@code N}: create the item on a miss, with this exptime; or {@link #ABSENT}
 * @param recacheTtl {@code R}: win the recache when the item has less time left; or {@link #ABSENT}
 * @param clientFlags {@code F}: the item's 32-bit flags for ms
 * @param hasCompareCas whether {@code C} was given
 * @param compareCas {@code C}: the CAS unique to compare with (64-bit unsigned)
 * @param delta {@code D}: ma's delta (64-bit unsigned), 1 when absent
 * @param initial {@code J}: ma's initial value on a miss with {@code N} (64-bit unsigned), 0 when absent
 * @param mode {@code M}: the mode letter of ms or ma, 0 when absent
 */
public record MetaFlags(
    byte[] order,
    byte[] opaque,
    boolean base64Key,
    boolean quiet,
    boolean value,
    boolean noBump,
    boolean invalidate,
    long ttl,
    long vivifyTtl,
    long recacheTtl,
    int clientFlags,
    boolean hasCompareCas,
    long compareCas,
    long delta,
    long initial,
    byte mode) {

  /** A time flag that was not given. */
  public static final long ABSENT = Long.MIN_VALUE;

  public boolean hasTtl() {
    return ttl != ABSENT;
  }

  public boolean vivifies() {
    return vivifyTtl != ABSENT;
  }

  public boolean hasRecache() {
    return recacheTtl != ABSENT;
  }
}
