package dev.larder.protocol.text;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/**
 * Writes the commands of memcached's text protocol, client side, exactly as memcached expects them.
 * Keys are written as given: the caller validates them first (1..{@value
 * TextRequestDecoder#MAX_KEY_LENGTH} bytes, no spaces or control characters), since an unchecked key
 * could inject a command.
 *
 * <p>Flags are 32-bit unsigned values in an {@code int}; CAS uniques and deltas are 64-bit unsigned
 * values in a {@code long}; exptimes and delays are signed seconds with memcached's meaning (0 never,
 * up to 30 days relative, above that absolute Unix time, negative already expired).
 */
public final class TextCommandWriter {
  private static final byte[] CRLF = ascii("\r\n");
  private static final byte[] NOREPLY = ascii(" noreply");
  private static final byte[] GET = ascii("get");
  private static final byte[] GETS = ascii("gets");
  private static final byte[] GAT = ascii("gat ");
  private static final byte[] GATS = ascii("gats ");
  private static final byte[] CAS = ascii("cas ");
  private static final byte[] DELETE = ascii("delete ");
  private static final byte[] INCR = ascii("incr ");
  private static final byte[] DECR = ascii("decr ");
  private static final byte[] TOUCH = ascii("touch ");
  private static final byte[] FLUSH_ALL = ascii("flush_all");
  private static final byte[] STATS = ascii("stats");
  private static final byte[] VERSION = ascii("version\r\n");

  private TextCommandWriter() {}

  /** {@code get <key>*} or, with {@code withCas}, {@code gets <key>*}. */
  public static void writeGet(ByteBuf out, boolean withCas, Collection<byte[]> keys) {
    out.writeBytes(withCas ? GETS : GET);
    writeKeys(out, keys);
  }

  /** {@code gat <exptime> <key>*} or, with {@code withCas}, {@code gats <exptime> <key>*}. */
  public static void writeGetAndTouch(ByteBuf out, boolean withCas, int exptime, Collection<byte[]> keys) {
    out.writeBytes(withCas ? GATS : GAT);
    writeSigned(out, exptime);
    writeKeys(out, keys);
  }

  /**
   * {@code set|add|replace|append|prepend <key> <flags> <exptime> <bytes>[ noreply]} and the data
   * block; {@link #writeCas} writes {@code cas}.
   *
   * @throws IllegalArgumentException if {@code command} is {@link StorageCommand#CAS}
   */
  public static void writeStore(
      ByteBuf out, StorageCommand command, byte[] key, int flags, int exptime, byte[] data, boolean noreply) {
    if (command == StorageCommand.CAS) {
      throw new IllegalArgumentException("command: CAS (expected: a storage command other than cas: use writeCas)");
    }
    out.writeCharSequence(command.name().toLowerCase(Locale.ROOT), StandardCharsets.US_ASCII);
    out.writeByte(' ');
    writeStorageArguments(out, key, flags, exptime, data.length);
    finishStorage(out, data, noreply);
  }

  /** {@code cas <key> <flags> <exptime> <bytes> <cas>[ noreply]} and the data block. */
  public static void writeCas(
      ByteBuf out, byte[] key, int flags, int exptime, byte[] data, long cas, boolean noreply) {
    out.writeBytes(CAS);
    writeStorageArguments(out, key, flags, exptime, data.length);
    out.writeByte(' ');
    TextReplies.writeUnsigned(out, cas);
    finishStorage(out, data, noreply);
  }

  /** {@code delete <key>[ noreply]}. */
  public static void writeDelete(ByteBuf out, byte[] key, boolean noreply) {
    out.writeBytes(DELETE).writeBytes(key);
    endLine(out, noreply);
  }

  /** {@code incr <key> <delta>[ noreply]}, or {@code decr} when {@code increment} is false. */
  public static void writeIncrDecr(ByteBuf out, boolean increment, byte[] key, long delta, boolean noreply) {
    out.writeBytes(increment ? INCR : DECR).writeBytes(key).writeByte(' ');
    TextReplies.writeUnsigned(out, delta);
    endLine(out, noreply);
  }

  /** {@code touch <key> <exptime>[ noreply]}. */
  public static void writeTouch(ByteBuf out, byte[] key, int exptime, boolean noreply) {
    out.writeBytes(TOUCH).writeBytes(key).writeByte(' ');
    writeSigned(out, exptime);
    endLine(out, noreply);
  }

  /** {@code flush_all[ <delay>][ noreply]}; a delay of 0 (now) is not written. */
  public static void writeFlushAll(ByteBuf out, int delay, boolean noreply) {
    out.writeBytes(FLUSH_ALL);
    if (delay != 0) {
      out.writeByte(' ');
      writeSigned(out, delay);
    }
    endLine(out, noreply);
  }

  /**
   * {@code stats[ <args>]}: {@code args} such as {@code "items"}, {@code "slabs"} or {@code "settings"};
   * empty for the general statistics.
   *
   * @throws IllegalArgumentException if {@code args} fails {@link #checkStatsArgs}
   */
  public static void writeStats(ByteBuf out, String args) {
    checkStatsArgs(args);
    out.writeBytes(STATS);
    if (!args.isBlank()) {
      out.writeByte(' ');
      out.writeCharSequence(args.strip(), StandardCharsets.US_ASCII);
    }
    out.writeBytes(CRLF);
  }

  /**
   * Checks that {@code args} can follow {@code stats} on one command line; for callers that must refuse
   * bad arguments before they queue the command.
   *
   * @throws IllegalArgumentException if {@code args} holds a control character or a non-ASCII one
   */
  public static void checkStatsArgs(String args) {
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        throw new IllegalArgumentException(
            "args: '" + args + "' (expected: printable ASCII, no control characters)");
      }
    }
  }

  /** {@code version}. */
  public static void writeVersion(ByteBuf out) {
    out.writeBytes(VERSION);
  }

  private static void writeKeys(ByteBuf out, Collection<byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys: [] (expected: at least one key)");
    }
    for (byte[] key : keys) {
      out.writeByte(' ').writeBytes(key);
    }
    out.writeBytes(CRLF);
  }

  private static void writeStorageArguments(ByteBuf out, byte[] key, int flags, int exptime, int length) {
    out.writeBytes(key).writeByte(' ');
    TextReplies.writeUnsigned(out, Integer.toUnsignedLong(flags));
    out.writeByte(' ');
    writeSigned(out, exptime);
    out.writeByte(' ');
    TextReplies.writeUnsigned(out, length);
  }

  private static void finishStorage(ByteBuf out, byte[] data, boolean noreply) {
    endLine(out, noreply);
    out.writeBytes(data).writeBytes(CRLF);
  }

  private static void endLine(ByteBuf out, boolean noreply) {
    if (noreply) {
      out.writeBytes(NOREPLY);
    }
    out.writeBytes(CRLF);
  }

  static void writeSigned(ByteBuf out, int value) {
    if (value < 0) {
      out.writeByte('-');
    }
    TextReplies.writeUnsigned(out, Math.abs((long) value));
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
