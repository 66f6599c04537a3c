package dev.larder.client.it;

import dev.larder.client.transcoder.CachedData;
import dev.larder.client.transcoder.Transcoder;
import dev.larder.client.transcoder.TranscodingException;
import java.nio.charset.StandardCharsets;

/** Strings as UTF-8 with flags 0, so that tests can read and write values as text. */
public final class Utf8Transcoder implements Transcoder<String> {
  @Override
  public CachedData encode(String value) {
    return new CachedData(0, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String decode(CachedData data) {
    if (data.flags() != 0) {
      throw new TranscodingException("flags: " + data.flags() + " (expected: 0)");
    }
    return new String(data.bytes(), StandardCharsets.UTF_8);
  }
}
