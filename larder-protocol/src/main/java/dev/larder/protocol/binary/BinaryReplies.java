package dev.larder.protocol.binary;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.binary.BinaryRequest.Header;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Response packets of the binary protocol as memcached 1.6.18 writes them: the 24-byte header (magic
 * 0x81, the request's opcode and opaque, data type 0), then extras, key and value.
 */
public final class BinaryReplies {
  public static final int RESPONSE_MAGIC = 0x81;
  /** Extras of a get response: the item's flags. */
  private static final int FLAGS_EXTRAS = 4;

  private BinaryReplies() {}

  /** A response header for {@code request} with these lengths. */
  public static void writeHeader(ByteBuf out, Header request, int status, int keyLength, int extrasLength,
      int bodyLength, long cas) {
    out.writeByte(RESPONSE_MAGIC)
        .writeByte(request.opcode())
        .writeShort(keyLength)
        .writeByte(extrasLength)
        .writeByte(0)
        .writeShort(status)
        .writeInt(bodyLength)
        .writeInt(request.opaque())
        .writeLong(cas);
  }

  /** Success with no body, carrying the item's new CAS unique (or 0). */
  public static void writeSuccess(ByteBuf out, Header request, long cas) {
    writeHeader(out, request, BinaryStatus.SUCCESS, 0, 0, 0, cas);
  }

  /** An error status with memcached's text for it as the body. */
  public static void writeError(ByteBuf out, Header request, int status) {
    writeError(out, request, status, BinaryStatus.message(status));
  }

  /** An error status with {@code message} as the body. */
  public static void writeError(ByteBuf out, Header request, int status, byte[] message) {
    writeHeader(out, request, status, 0, 0, message.length, 0);
    out.writeBytes(message);
  }

  /** A getk miss: "not found" with the key and no text. */
  public static void writeKeyMiss(ByteBuf out, Header request, ByteRange key) {
    writeHeader(out, request, BinaryStatus.KEY_NOT_FOUND, key.length(), 0, key.length(), 0);
    out.writeBytes(key.array(), key.offset(), key.length());
  }

  /**
   * A hit: the flags as extras and the key when asked for (null when not). The caller writes the
   * value's {@code valueLength} bytes after it (0 for touch, which answers without the value).
   */
  public static void writeItem(ByteBuf out, Header request, long cas, int flags, ByteRange key, int valueLength) {
    int keyLength = key == null ? 0 : key.length();
    writeHeader(out, request, BinaryStatus.SUCCESS, keyLength, FLAGS_EXTRAS, FLAGS_EXTRAS + keyLength + valueLength,
        cas);
    out.writeInt(flags);
    if (key != null) {
      out.writeBytes(key.array(), key.offset(), key.length());
    }
  }

  /** incr/decr: the new value as an 8-byte body. */
  public static void writeNumber(ByteBuf out, Header request, long cas, long value) {
    writeHeader(out, request, BinaryStatus.SUCCESS, 0, 0, Long.BYTES, cas);
    out.writeLong(value);
  }

  /** A body of text, as version's. */
  public static void writeText(ByteBuf out, Header request, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    writeHeader(out, request, BinaryStatus.SUCCESS, 0, 0, bytes.length, 0);
    out.writeBytes(bytes);
  }

  /** One stat: its name as the key, its value as the value; an empty name ends the list. */
  public static void writeStat(ByteBuf out, Header request, String name, String value) {
    byte[] key = name.getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    writeHeader(out, request, BinaryStatus.SUCCESS, key.length, 0, key.length + bytes.length, 0);
    out.writeBytes(key).writeBytes(bytes);
  }
}
