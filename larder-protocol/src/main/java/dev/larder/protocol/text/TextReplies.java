package dev.larder.protocol.text;

import dev.larder.protocol.LarderVersion;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The reply bytes of memcached's text protocol, exactly as memcached 1.6.18 writes them. Fixed lines
 * are pre-encoded arrays ending in {@code \r\n}; numbers are written as ASCII digits straight into
 * the buffer.
 */
public final class TextReplies {
  public static final byte[] STORED = line("STORED");
  public static final byte[] NOT_STORED = line("NOT_STORED");
  public static final byte[] EXISTS = line("EXISTS");
  public static final byte[] NOT_FOUND = line("NOT_FOUND");
  public static final byte[] DELETED = line("DELETED");
  public static final byte[] TOUCHED = line("TOUCHED");
  public static final byte[] OK = line("OK");
  public static final byte[] END = line("END");
  public static final byte[] RESET = line("RESET");
  public static final byte[] ERROR = line("ERROR");
  public static final byte[] VERSION = line("VERSION " + LarderVersion.VERSION);

  public static final byte[] BAD_COMMAND_LINE_FORMAT = line("CLIENT_ERROR bad command line format");
  public static final byte[] BAD_DATA_CHUNK = line("CLIENT_ERROR bad data chunk");
  public static final byte[] INVALID_EXPTIME = line("CLIENT_ERROR invalid exptime argument");
  public static final byte[] INVALID_DELTA = line("CLIENT_ERROR invalid numeric delta argument");
  public static final byte[] NON_NUMERIC_VALUE =
      line("CLIENT_ERROR cannot increment or decrement non-numeric value");
  /** memcached's reply to {@code delete <key> <anything but 0>}; the two spaces are memcached's. */
  public static final byte[] DELETE_USAGE =
      line("CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]");
  public static final byte[] OBJECT_TOO_LARGE = line("SERVER_ERROR object too large for cache");
  public static final byte[] OUT_OF_MEMORY_STORING = line("SERVER_ERROR out of memory storing object");
  public static final byte[] SHUTDOWN_NOT_ENABLED = line("ERROR: shutdown not enabled");
  public static final byte[] INVALID_SHUTDOWN_MODE = line("CLIENT_ERROR invalid shutdown mode");
  public static final byte[] MEMLIMIT_TOO_SMALL =
      line("MEMLIMIT_TOO_SMALL cannot set maxbytes to less than 8m");
  public static final byte[] MEMLIMIT_NOT_MEGABYTES =
      line("MEMLIMIT_ADJUST_FAILED input value is megabytes not bytes");
  public static final byte[] STATS_DETAIL_USAGE = line("CLIENT_ERROR usage: stats detail on|off|dump");
  public static final byte[] STATS_CACHEDUMP_NOT_ALLOWED = line("CLIENT_ERROR stats cachedump not allowed");

  private static final byte[] VALUE_PREFIX = ascii("VALUE ");
  private static final byte[] STAT_PREFIX = ascii("STAT ");
  private static final byte[] CRLF = ascii("\r\n");

  private TextReplies() {}

  /**
   * The line that starts a get's hit: {@code VALUE <key> <flags> <bytes>[ <cas>]\r\n}, the key being
   * {@code key[keyOffset..keyOffset + keyLength)}. The caller writes the {@code length} bytes of data
   * after it, then {@link #writeLineEnd}.
   */
  public static void writeValueLine(ByteBuf out, byte[] key, int keyOffset, int keyLength, int flags, int length,
      boolean withCas, long cas) {
    out.writeBytes(VALUE_PREFIX).writeBytes(key, keyOffset, keyLength).writeByte(' ');
    writeUnsigned(out, Integer.toUnsignedLong(flags));
    out.writeByte(' ');
    writeUnsigned(out, length);
    if (withCas) {
      out.writeByte(' ');
      writeUnsigned(out, cas);
    }
    out.writeBytes(CRLF);
  }

  /** {@code \r\n}, as after a value's data. */
  public static void writeLineEnd(ByteBuf out) {
    out.writeBytes(CRLF);
  }

  /** The new value after incr/decr: unsigned decimal and {@code \r\n}. */
  public static void writeNumberLine(ByteBuf out, long unsignedValue) {
    writeUnsigned(out, unsignedValue);
    out.writeBytes(CRLF);
  }

  /** {@code STAT <name> <value>\r\n} with a number; {@code value} is written as unsigned. */
  public static void writeStat(ByteBuf out, String name, long value) {
    writeStatName(out, name);
    writeUnsigned(out, value);
    out.writeBytes(CRLF);
  }

  /** {@code STAT <name> <value>\r\n}; both are ASCII. */
  public static void writeStat(ByteBuf out, String name, CharSequence value) {
    writeStatName(out, name);
    out.writeCharSequence(value, StandardCharsets.ISO_8859_1);
    out.writeBytes(CRLF);
  }

  private static void writeStatName(ByteBuf out, String name) {
    out.writeBytes(STAT_PREFIX);
    out.writeCharSequence(name, StandardCharsets.ISO_8859_1);
    out.writeByte(' ');
  }

  /** Writes {@code value} as an unsigned 64-bit decimal, with no intermediate String. */
  public static void writeUnsigned(ByteBuf out, long value) {
    int digits = unsignedDigits(value);
    out.ensureWritable(digits);
    int end = out.writerIndex() + digits;
    int position = end;
    long rest = value;
    if (rest < 0) {
      long quotient = Long.divideUnsigned(rest, 10);
      out.setByte(--position, '0' + (int) (rest - quotient * 10));
      rest = quotient;
    }
    do {
      out.setByte(--position, '0' + (int) (rest % 10));
      rest /= 10;
    } while (rest != 0);
    out.writerIndex(end);
  }

  /** How many decimal digits {@code value}, read as unsigned, has. */
  public static int unsignedDigits(long value) {
    if (value < 0) {
      return 1 + unsignedDigits(Long.divideUnsigned(value, 10));
    }
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    return digits;
  }

  private static byte[] line(String text) {
    return ascii(text + "\r\n");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
