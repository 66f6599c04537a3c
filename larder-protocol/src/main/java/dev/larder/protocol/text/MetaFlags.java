package dev.larder.protocol.text;

import dev.larder.protocol.ByteRange;

/**
 * The flags of one meta command, parsed as memcached 1.6.18's {@code _meta_flag_preparse} does: each
 * flag at most once, numbers with memcached's rules. Replies list some flags back in the order the
 * request gave them, so that order is kept ({@link #count}, {@link #flag}).
 *
 * <p>A decoder reads every meta line's flags into one instance it keeps, its opaque token a range of
 * its line, and copies them for a run of gets ({@link MetaRequest.Gets}) into instances of the run's:
 * decoded flags are valid until the decoder's next {@code decode}.
 */
public final class MetaFlags {
  /** A time flag that was not given. */
  public static final long ABSENT = Long.MIN_VALUE;

  byte[] order;
  int count;
  /** The whole {@code O} token; pointing nowhere when absent. */
  final ByteRange opaque = new ByteRange();
  boolean base64Key;
  boolean quiet;
  boolean value;
  boolean noBump;
  boolean invalidate;
  long ttl;
  long vivifyTtl;
  long recacheTtl;
  int clientFlags;
  boolean hasCompareCas;
  long compareCas;
  long delta;
  long initial;
  byte mode;

  /**
   * Flags built rather than decoded.
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
  public MetaFlags(byte[] order, byte[] opaque, boolean base64Key, boolean quiet, boolean value, boolean noBump,
      boolean invalidate, long ttl, long vivifyTtl, long recacheTtl, int clientFlags, boolean hasCompareCas,
      long compareCas, long delta, long initial, byte mode) {
    this.order = order;
    this.count = order.length;
    if (opaque != null) {
      this.opaque.set(opaque, 0, opaque.length);
    }
    this.base64Key = base64Key;
    this.quiet = quiet;
    this.value = value;
    this.noBump = noBump;
    this.invalidate = invalidate;
    this.ttl = ttl;
    this.vivifyTtl = vivifyTtl;
    this.recacheTtl = recacheTtl;
    this.clientFlags = clientFlags;
    this.hasCompareCas = hasCompareCas;
    this.compareCas = compareCas;
    this.delta = delta;
    this.initial = initial;
    this.mode = mode;
  }

  /** Flags for a decoder to read lines into, with room for {@code maxFlags} flags. */
  MetaFlags(int maxFlags) {
    order = new byte[maxFlags];
    reset();
  }

  /** Back to what a line without flags says. */
  void reset() {
    count = 0;
    opaque.clear();
    base64Key = false;
    quiet = false;
    value = false;
    noBump = false;
    invalidate = false;
    ttl = ABSENT;
    vivifyTtl = ABSENT;
    recacheTtl = ABSENT;
    clientFlags = 0;
    hasCompareCas = false;
    compareCas = 0;
    delta = 1;
    initial = 0;
    mode = 0;
  }

  /**
   * Makes these flags a copy of {@code source}, whose opaque token is copied to {@code opaqueCopy}, so
   * that they stay valid after the decoder reads its next line; both arrays must be large enough.
   */
  void copyFrom(MetaFlags source, byte[] opaqueCopy) {
    System.arraycopy(source.order, 0, order, 0, source.count);
    count = source.count;
    ByteRange from = source.opaque;
    if (source.hasOpaque()) {
      System.arraycopy(from.array(), from.offset(), opaqueCopy, 0, from.length());
      opaque.set(opaqueCopy, 0, from.length());
    } else {
      opaque.clear();
    }
    base64Key = source.base64Key;
    quiet = source.quiet;
    value = source.value;
    noBump = source.noBump;
    invalidate = source.invalidate;
    ttl = source.ttl;
    vivifyTtl = source.vivifyTtl;
    recacheTtl = source.recacheTtl;
    clientFlags = source.clientFlags;
    hasCompareCas = source.hasCompareCas;
    compareCas = source.compareCas;
    delta = source.delta;
    initial = source.initial;
    mode = source.mode;
  }

  /** How many flags the request gave. */
  public int count() {
    return count;
  }

  /** The first byte of the request's flag {@code index}, in request order. */
  public byte flag(int index) {
    return order[index];
  }

  public boolean hasOpaque() {
    return opaque.array() != null;
  }

  /** The whole {@code O} token (the {@code O} included), echoed in replies; pointing nowhere when absent. */
  public ByteRange opaque() {
    return opaque;
  }

  public boolean base64Key() {
    return base64Key;
  }

  public boolean quiet() {
    return quiet;
  }

  public boolean value() {
    return value;
  }

  public boolean noBump() {
    return noBump;
  }

  public boolean invalidate() {
    return invalidate;
  }

  public long ttl() {
    return ttl;
  }

  public long vivifyTtl() {
    return vivifyTtl;
  }

  public long recacheTtl() {
    return recacheTtl;
  }

  public int clientFlags() {
    return clientFlags;
  }

  public boolean hasCompareCas() {
    return hasCompareCas;
  }

  public long compareCas() {
    return compareCas;
  }

  public long delta() {
    return delta;
  }

  public long initial() {
    return initial;
  }

  public byte mode() {
    return mode;
  }

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
