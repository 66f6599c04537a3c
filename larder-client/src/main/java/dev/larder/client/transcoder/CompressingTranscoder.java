package dev.larder.client.transcoder;

/**
 * Wraps another transcoder to zlib-compress large values, exactly as pymemcache's {@code
 * CompressedSerde} (pymemcache 4.0 and later) wraps its serde, so each side reads what the other
 * compressed:
 *
 * <ul>
 *   <li>a value whose encoded form is longer than {@code minCompressLength} bytes (default {@value
 *       #DEFAULT_MIN_COMPRESS_LENGTH}, pymemcache's {@code min_compress_len}) is compressed with
 *       zlib, and the compressed form is kept unless it is longer than the original (an equal
 *       length keeps it, as pymemcache does);
 *   <li>a kept compressed form adds {@link Flags#COMPRESSED} ({@value Flags#COMPRESSED}) to the
 *       wrapped transcoder's flags: a compressed string has flags {@code 16 | 8 = 24};
 *   <li>reading inflates any value with that bit and hands the rest of the flags to the wrapped
 *       transcoder; values without it pass straight through.
 * </ul>
 *
 * <p>Compressed values are readable only by Python services that use {@code CompressedSerde}
 * (pymemcache 4.0 or later; 3.x's default serde decodes them as garbage) or python-memcached.
 */
public final class CompressingTranscoder<T> implements Transcoder<T> {
  /** pymemcache's default {@code min_compress_len}: longer values are compressed. */
  public static final int DEFAULT_MIN_COMPRESS_LENGTH = 400;
  /** The default cap on a decompressed value (64 MiB), against values built to expand without end. */
  public static final int DEFAULT_MAX_DECOMPRESSED_LENGTH = 64 << 20;

  private final Transcoder<T> delegate;
  private final int minCompressLength;
  private final int maxDecompressedLength;

  /**
   * Compresses values over {@value #DEFAULT_MIN_COMPRESS_LENGTH} bytes and inflates at most {@value
   * #DEFAULT_MAX_DECOMPRESSED_LENGTH} bytes.
   *
   * @param delegate the transcoder whose encoded values are compressed
   */
  public CompressingTranscoder(Transcoder<T> delegate) {
    this(delegate, DEFAULT_MIN_COMPRESS_LENGTH, DEFAULT_MAX_DECOMPRESSED_LENGTH);
  }

  /**
   * Compresses values over {@code minCompressLength} bytes and inflates at most {@code
   * maxDecompressedLength} bytes.
   *
   * @param delegate the transcoder whose encoded values are compressed
   * @param minCompressLength encoded values longer than this many bytes are compressed; at least 1
   *     (pymemcache's 0 means "never compress": for that, do not wrap)
   * @param maxDecompressedLength reading refuses values that inflate to more bytes than this
   */
  public CompressingTranscoder(Transcoder<T> delegate, int minCompressLength, int maxDecompressedLength) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate: null (expected: a transcoder)");
    }
    if (minCompressLength < 1) {
      throw new IllegalArgumentException("minCompressLength: " + minCompressLength
          + " (expected: >= 1; to never compress, do not wrap the transcoder)");
    }
    if (maxDecompressedLength < 0) {
      throw new IllegalArgumentException(
          "maxDecompressedLength: " + maxDecompressedLength + " (expected: >= 0)");
    }
    this.delegate = delegate;
    this.minCompressLength = minCompressLength;
    this.maxDecompressedLength = maxDecompressedLength;
  }

  /**
   * Encodes with the wrapped transcoder, then compresses as described above.
   *
   * @throws TranscodingException if the wrapped transcoder already set {@link Flags#COMPRESSED}
   */
  @Override
  public CachedData encode(T value) {
    CachedData plain = delegate.encode(value);
    if ((plain.flags() & Flags.COMPRESSED) != 0) {
      throw new TranscodingException("flags: " + plain.flags() + " from the wrapped transcoder"
          + " (expected: without the compressed bit " + Flags.COMPRESSED + ")");
    }
    if (plain.bytes().length <= minCompressLength) {
      return plain;
    }
    byte[] compressed = Zlib.compress(plain.bytes());
    if (compressed.length > plain.bytes().length) {
      return plain;
    }
    return new CachedData(plain.flags() | Flags.COMPRESSED, compressed);
  }

  /**
   * Inflates a value with the {@link Flags#COMPRESSED} bit, then decodes with the wrapped
   * transcoder.
   *
   * @throws TranscodingException if the value is not valid zlib data, inflates to more than {@code
   *     maxDecompressedLength} bytes, or the wrapped transcoder refuses it
   */
  @Override
  public T decode(CachedData data) {
    if ((data.flags() & Flags.COMPRESSED) == 0) {
      return delegate.decode(data);
    }
    byte[] inflated = Zlib.decompress(data.bytes(), maxDecompressedLength);
    return delegate.decode(new CachedData(data.flags() & ~Flags.COMPRESSED, inflated));
  }
}
