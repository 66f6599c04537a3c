package dev.larder.client.transcoder;

/**
 * Encodes values of type {@code T} for the cache and decodes them back. Implementations are
 * immutable and thread-safe.
 */
public interface Transcoder<T> {
  /**
   * The bytes and flags that store {@code value}.
   *
   * @throws TranscodingException if the value cannot be written in this transcoder's format
   */
  CachedData encode(T value);

  /**
   * Decodes what {@link #encode} (or another client honouring the same flags) stored.
   *
   * @throws TranscodingException if the flags or bytes are not something this transcoder reads
   */
  T decode(CachedData data);
}
