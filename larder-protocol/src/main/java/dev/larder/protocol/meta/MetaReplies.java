package dev.larder.protocol.meta;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.text.MetaFlags;
import dev.larder.protocol.text.TextReplies;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The reply bytes of memcached 1.6.18's meta protocol: two-letter codes, then return flags each
 * written as a space, the flag letter and its value, then {@code \r\n}. Codes here come without the
 * line end, since flags follow; error lines are whole lines.
 */
public final class MetaReplies {
  /** Success without a value. */
  public static final byte[] HD = ascii("HD");
  /** A value follows: {@code VA <size> <flags>*}. */
  public static final byte[] VA = ascii("VA ");
  /** mg miss. */
  public static final byte[] EN = ascii("EN");
  /** Not found. */
  public static final byte[] NF = ascii("NF");
  /** Not stored. */
  public static final byte[] NS = ascii("NS");
  /** Exists: the CAS unique did not match. */
  public static final byte[] EX = ascii("EX");
  public static final byte[] MN = line("MN");
  public static final byte[] ME = ascii("ME ");
  /** A bare {@code me} miss. */
  public static final byte[] EN_LINE = line("EN");
  public static final byte[] CRLF = ascii("\r\n");

  public static final byte[] INVALID_FLAG = line("CLIENT_ERROR invalid flag");
  public static final byte[] DUPLICATE_FLAG = line("CLIENT_ERROR duplicate flag");
  public static final byte[] BAD_TOKEN = line("CLIENT_ERROR bad token in command line format");
  public static final byte[] KEY_NOT_DECODED = line("CLIENT_ERROR error decoding key");
  public static final byte[] BAD_MODE_LENGTH = line("CLIENT_ERROR incorrect length for M token");
  public static final byte[] INVALID_INITIAL = line("CLIENT_ERROR invalid numeric initial value");
  public static final byte[] INVALID_DELTA = line("CLIENT_ERROR invalid numeric delta value");
  /** mg's words for more than 19 tokens; the other commands say {@link #TOO_MANY_FLAGS}. */
  public static final byte[] TOO_MANY_GET_FLAGS = line("CLIENT_ERROR options flags are too long");
  public static final byte[] TOO_MANY_FLAGS = line("CLIENT_ERROR options flags too long");
  /** md's and ma's reply to any flag memcached cannot parse. */
  public static final byte[] INVALID_OR_DUPLICATE_FLAG = line("CLIENT_ERROR invalid or duplicate flag");
  public static final byte[] OPAQUE_TOO_LONG = line("CLIENT_ERROR opaque token too long");
  public static final byte[] INVALID_SET_MODE = line("CLIENT_ERROR invalid mode for ms M token");
  public static final byte[] INVALID_ARITHMETIC_MODE = line("CLIENT_ERROR invalid mode for ma M token");

  private MetaReplies() {}

  /** A return flag with an unsigned 64-bit number: {@code " <flag><value>"}. */
  public static void writeFlag(ByteBuf out, char flag, long unsignedValue) {
    out.writeByte(' ').writeByte(flag);
    TextReplies.writeUnsigned(out, unsignedValue);
  }

  /** A return flag with a signed number: {@code " <flag><value>"}, as for {@code t-1}. */
  public static void writeSignedFlag(ByteBuf out, char flag, long value) {
    out.writeByte(' ').writeByte(flag);
    if (value < 0) {
      out.writeByte('-');
      TextReplies.writeUnsigned(out, -value);
    } else {
      TextReplies.writeUnsigned(out, value);
    }
  }

  /** The request's opaque token as it came, {@code O} included. */
  public static void writeOpaque(ByteBuf out, MetaFlags flags) {
    ByteRange opaque = flags.opaque();
    out.writeByte(' ').writeBytes(opaque.array(), opaque.offset(), opaque.length());
  }

  /** {@code " k<key>"}, or {@code " k<base64 key> b"} for a key that came in base64. */
  public static void writeKey(ByteBuf out, ByteRange key, boolean base64) {
    out.writeByte(' ').writeByte('k');
    if (base64) {
      out.writeBytes(MetaBase64.encode(key.copy())).writeByte(' ').writeByte('b');
    } else {
      out.writeBytes(key.array(), key.offset(), key.length());
    }
  }

  private static byte[] line(String text) {
    return ascii(text + "\r\n");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
