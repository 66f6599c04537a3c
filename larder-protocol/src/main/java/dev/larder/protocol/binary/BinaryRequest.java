package dev.larder.protocol.binary;

import dev.larder.protocol.ByteRange;

/**
 * One binary protocol request as {@link BinaryRequestDecoder} parsed it, including those memcached
 * refuses: they carry the status to answer. Numbers hold what memcached keeps: flags are 32-bit
 * values in an {@code int}; exptimes, delays and the incr expiration are 32-bit unsigned values;
 * deltas, initial values and CAS uniques are 64-bit unsigned values in a {@code long}. Every request's
 * header, and the key and value of {@link Get} and {@link Store}, are the decoder's, valid until its
 * next {@code decode}; other keys and values are owned by the request.
 */
public sealed interface BinaryRequest {

  /**
   * What every response echoes or needs from the request header. A decoder reads every header into
   * one instance it keeps, so a decoded request's header is valid until the decoder's next {@code
   * decode}.
   */
  final class Header {
    private int opcode;
    private int opaque;
    private long cas;

    /**
     * @param opcode the request's opcode as sent (a quiet one included), which the response repeats
     * @param opaque echoed in the response
     * @param cas the request's CAS unique, 0 for none
     */
    public Header(int opcode, int opaque, long cas) {
      set(opcode, opaque, cas);
    }

    void set(int newOpcode, int newOpaque, long newCas) {
      opcode = newOpcode;
      opaque = newOpaque;
      cas = newCas;
    }

    public int opcode() {
      return opcode;
    }

    public int opaque() {
      return opaque;
    }

    public long cas() {
      return cas;
    }

    /** Whether the command is a quiet one, which sends nothing on success (or on a get's miss). */
    public boolean quiet() {
      return BinaryOpcodes.isQuiet(opcode);
    }

    @Override
    public String toString() {
      return "Header[opcode=" + opcode + ", opaque=" + opaque + ", cas=" + Long.toUnsignedString(cas) + "]";
    }
  }

  /** A request that can be answered: it has a header. */
  sealed interface Command extends BinaryRequest {
    Header header();
  }

  /**
   * get, getq, getk, getkq; {@code returnKey} for the k variants. A decoder fills one {@code Get} it
   * keeps, the key in its own buffer, valid until its next {@code decode}.
   */
  final class Get implements Command {
    private final Header header;
    private final ByteRange key = new ByteRange();
    private boolean returnKey;

    /** A request built rather than decoded. */
    public Get(Header header, byte[] key, boolean returnKey) {
      this.header = header;
      this.key.set(key, 0, key.length);
      this.returnKey = returnKey;
    }

    void setReturnKey(boolean newReturnKey) {
      returnKey = newReturnKey;
    }

    @Override
    public Header header() {
      return header;
    }

    public ByteRange key() {
      return key;
    }

    public boolean returnKey() {
      return returnKey;
    }
  }

  /**
   * touch (no value in the response), gat, gatq (the value), gatk, gatkq (the value and the key).
   *
   * @param exptime the new exptime, 32-bit unsigned
   */
  record Touch(Header header, byte[] key, long exptime, boolean returnValue, boolean returnKey) implements Command {}

  /** The storage modes of set/add/replace (and their quiet forms). */
  enum StoreKind {
    SET,
    ADD,
    REPLACE
  }

  /**
   * set, add, replace; a non-zero CAS in the header makes set and replace a cas. A decoder fills one
   * {@code Store} it keeps, the key and the value in its own buffers, valid until its next {@code
   * decode}.
   */
  final class Store implements Command {
    private final Header header;
    private final ByteRange key = new ByteRange();
    private final ByteRange value = new ByteRange();
    private StoreKind kind;
    private int flags;
    private long exptime;

    /** A request built rather than decoded. */
    public Store(Header header, StoreKind kind, byte[] key, int flags, long exptime, byte[] value) {
      this.header = header;
      this.key.set(key, 0, key.length);
      this.value.set(value, 0, value.length);
      set(kind, flags, exptime);
    }

    /** The extras and the kind; the decoder points {@link #key} and {@link #value} itself. */
    void set(StoreKind newKind, int newFlags, long newExptime) {
      kind = newKind;
      flags = newFlags;
      exptime = newExptime;
    }

    @Override
    public Header header() {
      return header;
    }

    public StoreKind kind() {
      return kind;
    }

    public ByteRange key() {
      return key;
    }

    public int flags() {
      return flags;
    }

    /** The exptime, 32-bit unsigned. */
    public long exptime() {
      return exptime;
    }

    public ByteRange value() {
      return value;
    }
  }

  /** append, prepend; a non-zero CAS in the header must match. */
  record AppendPrepend(Header header, boolean append, byte[] key, byte[] value) implements Command {}

  /**
   * A storage command whose value is over the decoder's value limit: its value was dropped as it
   * arrived. memcached answers "too large" and, for set, removes the item under the key.
   */
  record ValueTooLarge(Header header, byte[] key) implements Command {}

  /** delete; a non-zero CAS in the header must match. */
  record Delete(Header header, byte[] key) implements Command {}

  /**
   * incr, decr.
   *
   * @param expiration the exptime of an item created on a miss, 32-bit unsigned; {@link
   *     #DO_NOT_CREATE} leaves a miss a miss
   */
  record Arithmetic(Header header, boolean increment, byte[] key, long delta, long initial, long expiration)
      implements Command {
    /** The expiration that tells incr/decr not to create a missing item. */
    public static final long DO_NOT_CREATE = 0xFFFF_FFFFL;
  }

  /** flush; {@code delay} (32-bit unsigned) follows the exptime rules when above 0. */
  record Flush(Header header, long delay) implements Command {}

  record Noop(Header header) implements Command {}

  record Version(Header header) implements Command {}

  /** quit answers before closing; quitq closes without a word. */
  record Quit(Header header) implements Command {}

  /** stat, with the group in the key ({@code settings}, {@code items}, ...; empty for the general stats). */
  record Stat(Header header, byte[] key) implements Command {}

  /**
   * A request memcached refuses with an error status: a header whose lengths do not fit its opcode
   * ({@code close}: the connection is then closed), an unknown opcode or SASL, which Larder does not
   * offer (its body was dropped, the connection stays).
   */
  record Refused(Header header, int status, boolean close) implements Command {}

  /** A first byte other than the request magic: memcached closes without a reply. */
  record Close() implements BinaryRequest {}
}
