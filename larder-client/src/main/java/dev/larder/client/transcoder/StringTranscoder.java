package dev.larder.client.transcoder;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stores strings as UTF-8 with flags {@value Flags#TEXT}, as pymemcache stores {@code str}.
 *
 * <p>Both directions are strict, like Python's {@code str.encode('utf8')} and {@code
 * bytes.decode('utf8')}: a string with an unpaired surrogate, or stored bytes that are not valid
 * UTF-8, raise {@link TranscodingException} instead of being silently replaced.
 */
public final class StringTranscoder implements Transcoder<String> {
  /** The only instance: the transcoder has no state. */
  public static final StringTranscoder INSTANCE = new StringTranscoder();

  private StringTranscoder() {}

  @Override
  public CachedData encode(String value) {
    try {
      ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(value));
      return new CachedData(Flags.TEXT, Arrays.copyOf(utf8.array(), utf8.limit()));
    } catch (CharacterCodingException e) {
      throw new TranscodingException("string is not valid Unicode (unpaired surrogate)", e);
    }
  }

  @Override
  public String decode(CachedData data) {
    if (data.flags() != Flags.TEXT) {
      throw Flags.unexpected(data.flags(), Flags.TEXT + ", text");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data.bytes())).toString();
    } catch (CharacterCodingException e) {
      throw new TranscodingException("text value is not valid UTF-8", e);
    }
  }
}
