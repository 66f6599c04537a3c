package dev.larder.client.transcoder;

/**
 * Hands values over exactly as stored, flags and bytes together: for tools that show or copy items
 * whatever wrote them.
 */
public final class RawTranscoder implements Transcoder<CachedData> {
  /** The only instance: the transcoder has no state. */
  public static final RawTranscoder INSTANCE = new RawTranscoder();

  private RawTranscoder() {}

  @Override
  public CachedData encode(CachedData value) {
    return value;
  }

  @Override
  public CachedData decode(CachedData data) {
    return data;
  }
}
