package dev.larder.client.transcoder;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Stores any value by its type, as pymemcache's default serde ({@code python_memcache_serializer}
 * and {@code python_memcache_deserializer}) does, so Java and Python services share strings, bytes
 * and integers.
 *
 * <table>
 *   <caption>Writing: the value's exact class picks the flags</caption>
 *   <tr><th>Java value</th><th>flags</th><th>read back in Python as</th></tr>
 *   <tr><td>{@code byte[]}</td><td>0</td><td>{@code bytes}</td></tr>
 *   <tr><td>{@code String}</td><td>16</td><td>{@code str}</td></tr>
 *   <tr><td>{@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}</td>
 *       <td>2</td><td>{@code int}</td></tr>
 *   <tr><td>{@code Long}</td><td>4</td><td>{@code int}</td></tr>
 *   <tr><td>any other {@link Serializable}</td><td>256</td><td>raw {@code bytes} (Java only)</td></tr>
 * </table>
 *
 * <p>Reading goes by the flags: 0 gives {@code byte[]}; 16 a {@code String}; 2 (Python's ints,
 * which have no size limit) the narrowest of {@code Integer}, {@code Long} and {@code BigInteger}
 * that holds the number; 4 a {@code Long}, or a {@code BigInteger} if it does not fit; 256 the
 * deserialized object (through the {@link JavaSerializationTranscoder}'s filter). So {@code
 * Integer}, {@code Long}, {@code String} and {@code byte[]} come back as they went in, while {@code
 * Short} and {@code Byte} come back as {@code Integer}, and a small {@code BigInteger} as {@code
 * Integer} or {@code Long}. A Python pickle (flags 1) raises {@link TranscodingException}: Java
 * cannot unpickle.
 *
 * <p>Compression is a separate layer, as in pymemcache: wrap this in a {@link
 * CompressingTranscoder} to write and read compressed values (flags with bit 8), as pymemcache's
 * {@code CompressedSerde} wraps its serde. This transcoder alone refuses them with a message that
 * says so.
 */
public final class SerdeTranscoder implements Transcoder<Object> {
  private final JavaSerializationTranscoder javaSerialization;

  /**
   * Reads Java-serialized values through {@link JavaSerializationTranscoder#standardFilter the
   * standard filter}: JDK value classes only.
   */
  public SerdeTranscoder() {
    this(new JavaSerializationTranscoder());
  }

  /**
   * Reads and writes values that are not bytes, strings or integers with {@code javaSerialization}.
   *
   * @param javaSerialization the Java serialization transcoder, configured with the classes to allow
   */
  public SerdeTranscoder(JavaSerializationTranscoder javaSerialization) {
    this.javaSerialization = Objects.requireNonNull(javaSerialization, "javaSerialization");
  }

  /**
   * Encodes {@code value} by its class, per the table above.
   *
   * @throws TranscodingException if the value is none of the listed types and not {@link Serializable}
   */
  @Override
  public CachedData encode(Object value) {
    Objects.requireNonNull(value, "value");
    Class<?> type = value.getClass();
    if (type == byte[].class) {
      return BytesTranscoder.INSTANCE.encode((byte[]) value);
    } else if (type == String.class) {
      return StringTranscoder.INSTANCE.encode((String) value);
    } else if (type == Integer.class || type == Short.class || type == Byte.class) {
      return DecimalTranscoder.INTEGER.encode(((Number) value).intValue());
    } else if (type == Long.class) {
      return DecimalTranscoder.LONG.encode((Long) value);
    } else if (type == BigInteger.class) {
      return DecimalTranscoder.BIG_INTEGER.encode((BigInteger) value);
    } else if (value instanceof Serializable serializable) {
      return javaSerialization.encode(serializable);
    }
    throw new TranscodingException(type.getName() + " is not Serializable, a String, byte[] or integer");
  }

  /**
   * Decodes by the flags, per the rules above.
   *
   * @throws TranscodingException for a Python pickle, a compressed value, flags no Larder transcoder
   *     writes, or bytes that do not hold what the flags say
   */
  @Override
  public Object decode(CachedData data) {
    return switch (data.flags()) {
      case Flags.BYTES -> BytesTranscoder.INSTANCE.decode(data);
      case Flags.TEXT -> StringTranscoder.INSTANCE.decode(data);
      case Flags.INTEGER -> narrowestFromInteger(DecimalTranscoder.BIG_INTEGER.decode(data));
      case Flags.LONG -> narrowestFromLong(DecimalTranscoder.BIG_INTEGER.decode(data));
      case Flags.JAVA_SERIALIZED -> javaSerialization.decode(data);
      case Flags.PICKLE -> throw new TranscodingException("flags: 1 (a Python pickle: pymemcache"
          + " pickles values other than str, bytes and int; Java cannot read it, so have Python store"
          + " such values as text or JSON)");
      case Flags.JSON -> throw new TranscodingException(
          "flags: 512 (JSON: read it with a JsonTranscoder for the target type)");
      default -> throw (data.flags() & Flags.COMPRESSED) != 0
          ? new TranscodingException("flags: " + data.flags()
              + " (compressed: wrap this transcoder in a CompressingTranscoder to read it)")
          : Flags.unexpected(data.flags(), "0, 2, 4, 16 or 256");
    };
  }

  /** A Python int: an Integer if it fits, else a Long if it fits, else the BigInteger. */
  private static Number narrowestFromInteger(BigInteger n) {
    if (n.bitLength() < Integer.SIZE) {
      return n.intValue();
    }
    return narrowestFromLong(n);
  }

  /** A Long if it fits, else the BigInteger. */
  private static Number narrowestFromLong(BigInteger n) {
    if (n.bitLength() < Long.SIZE) {
      return n.longValue();
    }
    return n;
  }
}
