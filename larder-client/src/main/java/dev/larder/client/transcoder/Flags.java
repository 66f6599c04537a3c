package dev.larder.client.transcoder;

/**
 * The item flags Larder's transcoders write and read. The low five bits are pymemcache's (and
 * python-memcached's) serde flags, so Python and Java services can share values; the two Java-only
 * formats use bits pymemcache does not define, which pymemcache's deserializer hands back to
 * Python as the raw bytes. See the table in the {@linkplain dev.larder.client.transcoder package
 * documentation}.
 */
public final class Flags {
  /** Raw bytes, stored as given: pymemcache {@code FLAG_BYTES}. */
  public static final int BYTES = 0;
  /** A Python pickle: pymemcache {@code FLAG_PICKLE}. Java cannot read it. */
  public static final int PICKLE = 1;
  /** A decimal integer in ASCII: pymemcache {@code FLAG_INTEGER}, what Python 3 writes for ints. */
  public static final int INTEGER = 1 << 1;
  /** A decimal integer in ASCII: pymemcache {@code FLAG_LONG} (Python 2 longs; read as int). */
  public static final int LONG = 1 << 2;
  /** Added to the format's flag when the bytes are zlib-compressed: pymemcache {@code FLAG_COMPRESSED}. */
  public static final int COMPRESSED = 1 << 3;
  /** Text in UTF-8: pymemcache {@code FLAG_TEXT}. */
  public static final int TEXT = 1 << 4;
  /** A Java serialization stream (Java only; pymemcache returns the raw bytes). */
  public static final int JAVA_SERIALIZED = 1 << 8;
  /** JSON text in UTF-8, written by Jackson (pymemcache returns the raw bytes, ready for json.loads). */
  public static final int JSON = 1 << 9;

  private Flags() {}

  /** The error for stored flags that a transcoder does not read. */
  static TranscodingException unexpected(int flags, String expected) {
    return new TranscodingException("flags: " + flags + " (expected: " + expected + ")");
  }
}
