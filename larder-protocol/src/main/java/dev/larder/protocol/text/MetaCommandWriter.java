package dev.larder.protocol.text;

import static dev.larder.protocol.text.TextCommandWriter.ascii;

import io.netty.buffer.ByteBuf;

/**
 * Writes the meta commands a client sends (memcached 1.6's {@code mg ms md ma mn}), client side: the
 * lease commands, and the single-key commands of the client's meta mode. They go on the same connection as text commands and get one {@link TextResponse.Meta} reply
 * each, in order. Keys are written as given: the caller validates them first, as for {@link
 * TextCommandWriter}. Numbers follow {@link TextCommandWriter}'s conventions.
 */
public final class MetaCommandWriter {
  private static final byte[] CRLF = ascii("\r\n");
  private static final byte[] MG = ascii("mg ");
  private static final byte[] LEASE_GET_FLAGS = ascii(" v f c N");
  private static final byte[] VALUE_AND_FLAGS = ascii(" v f");
  private static final byte[] RETURN_CAS = ascii(" c");
  private static final byte[] RECACHE = ascii(" R");
  private static final byte[] MS = ascii("ms ");
  private static final byte[] CLIENT_FLAGS = ascii(" F");
  private static final byte[] EXPTIME = ascii(" T");
  private static final byte[] MD = ascii("md ");
  private static final byte[] INVALIDATE = ascii(" I");
  private static final byte[] COMPARE_CAS = ascii(" C");
  private static final byte[] MODE = ascii(" M");
  private static final byte[] MA = ascii("ma ");
  private static final byte[] DELTA = ascii(" D");
  private static final byte[] INCREMENT_RETURNING_VALUE = ascii(" MI v");
  private static final byte[] DECREMENT_RETURNING_VALUE = ascii(" MD v");
  private static final byte[] NOOP = ascii("mn\r\n");

  private MetaCommandWriter() {}

  /**
   * {@code mg <key> v f c N<leaseTtl>[ R<recacheTtl>]}: the value, client flags and CAS unique; on a
   * miss an empty item is created for {@code leaseTtl} seconds and this client wins ({@code W}) the
   * right to fill it; with {@code recacheTtl} above 0, a hit with fewer seconds left also wins one
   * caller an early refresh. A stale item wins one caller too; later callers see {@code Z}.
   */
  public static void writeLeaseGet(ByteBuf out, byte[] key, int leaseTtl, int recacheTtl) {
    out.writeBytes(MG).writeBytes(key).writeBytes(LEASE_GET_FLAGS);
    TextCommandWriter.writeSigned(out, leaseTtl);
    if (recacheTtl > 0) {
      out.writeBytes(RECACHE);
      TextCommandWriter.writeSigned(out, recacheTtl);
    }
    out.writeBytes(CRLF);
  }

  /**
   * {@code mg <key> v f[ c]}: the value and client flags, and with {@code withCas} the CAS unique
   * ({@code VA}), or {@code EN} on a miss: {@code get}, or {@code gets}.
   */
  public static void writeGet(ByteBuf out, byte[] key, boolean withCas) {
    writeGetStart(out, key, withCas);
    out.writeBytes(CRLF);
  }

  /** {@code mg <key> v f[ c] T<exptime>}: {@link #writeGet}, and the item now expires at {@code exptime}. */
  public static void writeGetAndTouch(ByteBuf out, byte[] key, boolean withCas, int exptime) {
    writeGetStart(out, key, withCas);
    out.writeBytes(EXPTIME);
    TextCommandWriter.writeSigned(out, exptime);
    out.writeBytes(CRLF);
  }

  private static void writeGetStart(ByteBuf out, byte[] key, boolean withCas) {
    out.writeBytes(MG).writeBytes(key).writeBytes(VALUE_AND_FLAGS);
    if (withCas) {
      out.writeBytes(RETURN_CAS);
    }
  }

  /** {@code mg <key> T<exptime>}: {@code touch}; {@code HD} when the item exists, {@code EN} when not. */
  public static void writeTouch(ByteBuf out, byte[] key, int exptime) {
    out.writeBytes(MG).writeBytes(key).writeBytes(EXPTIME);
    TextCommandWriter.writeSigned(out, exptime);
    out.writeBytes(CRLF);
  }

  /**
   * {@code ms <key> <bytes> F<flags> T<exptime> M<mode>} and the data block: {@code set}, {@code add},
   * {@code replace}, {@code append} or {@code prepend}; {@code HD} when stored, {@code NS} when the
   * command's condition failed. For {@link StorageCommand#CAS} use {@link #writeCasSet}.
   */
  public static void writeStore(
      ByteBuf out, StorageCommand command, byte[] key, int flags, int exptime, byte[] data) {
    writeSetStart(out, key, flags, exptime, data);
    out.writeBytes(MODE).writeByte(mode(command));
    out.writeBytes(CRLF).writeBytes(data).writeBytes(CRLF);
  }

  private static char mode(StorageCommand command) {
    return switch (command) {
      case SET -> 'S';
      case ADD -> 'E';
      case REPLACE -> 'R';
      case APPEND -> 'A';
      case PREPEND -> 'P';
      case CAS -> throw new IllegalArgumentException("command: CAS (expected: writeCasSet)");
    };
  }

  private static void writeSetStart(ByteBuf out, byte[] key, int flags, int exptime, byte[] data) {
    out.writeBytes(MS).writeBytes(key).writeByte(' ');
    TextReplies.writeUnsigned(out, data.length);
    out.writeBytes(CLIENT_FLAGS);
    TextReplies.writeUnsigned(out, Integer.toUnsignedLong(flags));
    out.writeBytes(EXPTIME);
    TextCommandWriter.writeSigned(out, exptime);
  }

  /**
   * {@code ma <key> D<delta> M<I|D> v}: {@code incr} or {@code decr} by {@code delta}, an unsigned
   * 64-bit number; {@code VA} with the new value as its data, or {@code NF}.
   */
  public static void writeIncrDecr(ByteBuf out, boolean increment, byte[] key, long delta) {
    out.writeBytes(MA).writeBytes(key).writeBytes(DELTA);
    TextReplies.writeUnsigned(out, delta);
    out.writeBytes(increment ? INCREMENT_RETURNING_VALUE : DECREMENT_RETURNING_VALUE);
    out.writeBytes(CRLF);
  }

  /**
   * {@code ms <key> <bytes> F<flags> T<exptime> C<cas>} and the data block: stores only if the item
   * still has the CAS unique {@code cas} ({@code HD}; else {@code EX}, or {@code NF} when it is gone).
   */
  public static void writeCasSet(ByteBuf out, byte[] key, int flags, int exptime, byte[] data, long cas) {
    writeSetStart(out, key, flags, exptime, data);
    out.writeBytes(COMPARE_CAS);
    TextReplies.writeUnsigned(out, cas);
    out.writeBytes(CRLF).writeBytes(data).writeBytes(CRLF);
  }

  /**
   * {@code md <key>[ I][ C<cas>]}: deletes the item or, with {@code invalidate}, marks it stale with a
   * new CAS unique so that the next {@link #writeLeaseGet lease get} wins the refresh while others read
   * the stale value. With {@code cas} other than 0, only if the item still has that CAS unique.
   */
  public static void writeDelete(ByteBuf out, byte[] key, boolean invalidate, long cas) {
    out.writeBytes(MD).writeBytes(key);
    if (invalidate) {
      out.writeBytes(INVALIDATE);
    }
    if (cas != 0) {
      out.writeBytes(COMPARE_CAS);
      TextReplies.writeUnsigned(out, cas);
    }
    out.writeBytes(CRLF);
  }

  /** {@code mn}: answered {@code MN} by servers that speak the meta protocol, {@code ERROR} by others. */
  public static void writeNoop(ByteBuf out) {
    out.writeBytes(NOOP);
  }
}
