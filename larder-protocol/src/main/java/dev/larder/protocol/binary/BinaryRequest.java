package dev.larder.protocol.binary;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.ValueReader;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One binary protocol request as {@link BinaryRequestDecoder} parsed it (or a run of gets decoded
 * together, {@link Gets}), including those memcached refuses: they carry the status to answer.
 * Numbers hold what memcached keeps: flags are 32-bit values in an {@code int}; exptimes, delays and
 * the incr expiration are 32-bit unsigned values; deltas, initial values and CAS uniques are 64-bit
 * unsigned values in a {@code long}. Every request's header, and the key and value of a {@link
 * KeyCommand}, are the decoder's, valid until its next {@code decode}; other keys are owned by the
 * request.
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
   * A command on one key. A decoder fills one object of each such kind it keeps, the key (and value)
   * in its own buffers, valid until its next {@code decode}; one built by hand owns its key.
   */
  abstract sealed class KeyCommand implements Command permits Get, Touch, Store, AppendPrepend, Delete, Arithmetic {
    private final Header header;
    private final ByteRange key = new ByteRange();

    KeyCommand(Header header, byte[] key) {
      this.header = header;
      this.key.set(key, 0, key.length);
    }

    @Override
    public Header header() {
      return header;
    }

    public ByteRange key() {
      return key;
    }
  }

  /** get, getq, getk, getkq; {@code returnKey} for the k variants. */
  final class Get extends KeyCommand {
    private boolean returnKey;

    public Get(Header header, byte[] key, boolean returnKey) {
      super(header, key);
      this.returnKey = returnKey;
    }

    void setReturnKey(boolean newReturnKey) {
      returnKey = newReturnKey;
    }

    public boolean returnKey() {
      return returnKey;
    }
  }

  /**
   * Consecutive get, getk, getq and getkq requests that were whole in the input together, decoded at
   * once so that their keys can be looked up in one pass, as a text multi-get's are: what a binary
   * multi-get sends (quiet gets ended by a noop or a loud get, or pipelined loud gets). Each keeps its
   * own header (opcode, opaque); their keys lie one after another in one array. A decoder fills one
   * instance it keeps.
   */
  final class Gets implements BinaryRequest {
    private Header[] headers = new Header[0];
    private int[] keyOffsets = new int[0];
    private int[] keyLengths = new int[0];
    private byte[] keys = new byte[0];
    private int size;
    private int keyBytes;

    void clear() {
      size = 0;
      keyBytes = 0;
    }

    /** Appends a get of {@code key[0..keyLength)}. */
    void add(int opcode, int opaque, long cas, byte[] key, int keyLength) {
      if (size == headers.length) {
        int capacity = Math.max(8, size * 2);
        headers = Arrays.copyOf(headers, capacity);
        keyOffsets = Arrays.copyOf(keyOffsets, capacity);
        keyLengths = Arrays.copyOf(keyLengths, capacity);
      }
      if (headers[size] == null) {
        headers[size] = new Header(opcode, opaque, cas);
      } else {
        headers[size].set(opcode, opaque, cas);
      }
      if (keyBytes + keyLength > keys.length) {
        keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keyBytes + keyLength));
      }
      System.arraycopy(key, 0, keys, keyBytes, keyLength);
      keyOffsets[size] = keyBytes;
      keyLengths[size] = keyLength;
      keyBytes += keyLength;
      size++;
    }

    public int size() {
      return size;
    }

    public Header header(int index) {
      return headers[index];
    }

    /** Whether get {@code index} is a getk or getkq, whose response returns the key. */
    public boolean returnKey(int index) {
      return BinaryOpcodes.plain(headers[index].opcode()) == BinaryOpcodes.GETK;
    }

    /** The array that holds every key. */
    public byte[] keys() {
      return keys;
    }

    public int keyOffset(int index) {
      return keyOffsets[index];
    }

    public int keyLength(int index) {
      return keyLengths[index];
    }

    @Override
    public String toString() {
      return "Gets[size=" + size + "]";
    }
  }

  /** touch (no value in the response), gat, gatq (the value), gatk, gatkq (the value and the key). */
  final class Touch extends KeyCommand {
    private long exptime;
    private boolean returnValue;
    private boolean returnKey;

    /** @param exptime the new exptime, 32-bit unsigned */
    public Touch(Header header, byte[] key, long exptime, boolean returnValue, boolean returnKey) {
      super(header, key);
      set(exptime, returnValue, returnKey);
    }

    void set(long newExptime, boolean newReturnValue, boolean newReturnKey) {
      exptime = newExptime;
      returnValue = newReturnValue;
      returnKey = newReturnKey;
    }

    public long exptime() {
      return exptime;
    }

    public boolean returnValue() {
      return returnValue;
    }

    public boolean returnKey() {
      return returnKey;
    }
  }

  /** The storage modes of set/add/replace (and their quiet forms). */
  enum StoreKind {
    SET,
    ADD,
    REPLACE
  }

  /** set, add, replace; a non-zero CAS in the header makes set and replace a cas. */
  final class Store extends KeyCommand {
    private ByteBuffer value = ValueReader.NO_VALUE;
    private StoreKind kind;
    private int flags;
    private long exptime;

    public Store(Header header, StoreKind kind, byte[] key, int flags, long exptime, byte[] value) {
      super(header, key);
      this.value = ByteBuffer.wrap(value);
      set(kind, flags, exptime);
    }

    /** The extras and the kind; the decoder points {@link #key} and sets {@link #value} itself. */
    void set(StoreKind newKind, int newFlags, long newExptime) {
      kind = newKind;
      flags = newFlags;
      exptime = newExptime;
    }

    public StoreKind kind() {
      return kind;
    }

    public int flags() {
      return flags;
    }

    /** The exptime, 32-bit unsigned. */
    public long exptime() {
      return exptime;
    }

    /** The value: the bytes between the buffer's position and limit, to be read, not moved. */
    public ByteBuffer value() {
      return value;
    }

    void setValue(ByteBuffer newValue) {
      value = newValue;
    }
  }

  /** append, prepend; a non-zero CAS in the header must match. */
  final class AppendPrepend extends KeyCommand {
    private ByteBuffer value = ValueReader.NO_VALUE;
    private boolean append;

    public AppendPrepend(Header header, boolean append, byte[] key, byte[] value) {
      super(header, key);
      this.value = ByteBuffer.wrap(value);
      this.append = append;
    }

    void setAppend(boolean newAppend) {
      append = newAppend;
    }

    public boolean append() {
      return append;
    }

    /** The value: the bytes between the buffer's position and limit, to be read, not moved. */
    public ByteBuffer value() {
      return value;
    }

    void setValue(ByteBuffer newValue) {
      value = newValue;
    }
  }

  /**
   * A storage command whose value is over the decoder's value limit: its value was dropped as it
   * arrived. memcached answers "too large" and, for set, removes the item under the key.
   */
  record ValueTooLarge(Header header, byte[] key) implements Command {}

  /** delete; a non-zero CAS in the header must match. */
  final class Delete extends KeyCommand {
    public Delete(Header header, byte[] key) {
      super(header, key);
    }
  }

  /** incr, decr. */
  final class Arithmetic extends KeyCommand {
    /** The expiration that tells incr/decr not to create a missing item. */
    public static final long DO_NOT_CREATE = 0xFFFF_FFFFL;

    private boolean increment;
    private long delta;
    private long initial;
    private long expiration;

    /**
     * @param expiration the exptime of an item created on a miss, 32-bit unsigned; {@link
     *     #DO_NOT_CREATE} leaves a miss a miss
     */
    public Arithmetic(Header header, boolean increment, byte[] key, long delta, long initial, long expiration) {
      super(header, key);
      set(increment, delta, initial, expiration);
    }

    void set(boolean newIncrement, long newDelta, long newInitial, long newExpiration) {
      increment = newIncrement;
      delta = newDelta;
      initial = newInitial;
      expiration = newExpiration;
    }

    public boolean increment() {
      return increment;
    }

    public long delta() {
      return delta;
    }

    public long initial() {
      return initial;
    }

    public long expiration() {
      return expiration;
    }
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
