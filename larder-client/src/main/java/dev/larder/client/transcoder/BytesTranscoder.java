package dev.larder.client.transcoder;

/**
 * Stores byte arrays as they are, with flags {@value Flags#BYTES}, which pymemcache reads back as
 * {@code bytes}. The array is not copied either way.
 */
public final class BytesTranscoder implements Transcoder<byte[]> {
  /** The only instance: the transcoder has no state. */
  public static final BytesTranscoder INSTANCE = new BytesTranscoder();

  private BytesTranscoder() {}

  @Override
  public CachedData encode(byte[] value) {
    return new CachedData(Flags.BYTES, value);
  }

  @Override
  public byte[] decode(CachedData data) {
    if (data.flags() != Flags.BYTES) {
      throw Flags.unexpected(data.flags(), Flags.BYTES + ", bytes");
    }
    return data.bytes();
  }
}
