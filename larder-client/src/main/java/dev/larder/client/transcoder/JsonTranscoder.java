package dev.larder.client.transcoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Stores values as JSON (UTF-8) with Jackson and flags {@value Flags#JSON}, a bit pymemcache does
 * not define: pymemcache's default serde hands such a value to Python as the raw JSON bytes, ready
 * for {@code json.loads}, so JSON is the way to share structured values with Python.
 *
 * <p>Jackson ({@code com.fasterxml.jackson.core:jackson-databind}) is an optional dependency of
 * larder-client: add it to your application to use this class. No other transcoder refers to
 * Jackson, so they all work without it.
 *
 * <p>Reading binds only to the declared type. Do not enable Jackson's polymorphic "default typing"
 * on the mapper for values others can write: it lets stored JSON name classes to instantiate.
 *
 * @param <T> the type stored
 */
public final class JsonTranscoder<T> implements Transcoder<T> {
  private final ObjectMapper mapper;
  private final JavaType type;

  /**
   * Reads and writes values of a plain class.
   *
   * @param mapper configured before this call and not changed afterwards (it is shared across threads)
   * @param type the class values are read as
   */
  public JsonTranscoder(ObjectMapper mapper, Class<T> type) {
    this(mapper, mapper.constructType(type));
  }

  /**
   * Reads and writes values of a generic type, such as {@code new TypeReference<List<Order>>() {}}.
   *
   * @param mapper configured before this call and not changed afterwards (it is shared across threads)
   * @param type the type values are read as
   */
  public JsonTranscoder(ObjectMapper mapper, TypeReference<T> type) {
    this(mapper, mapper.getTypeFactory().constructType(type));
  }

  private JsonTranscoder(ObjectMapper mapper, JavaType type) {
    this.mapper = mapper;
    this.type = type;
  }

  @Override
  public CachedData encode(T value) {
    try {
      return new CachedData(Flags.JSON, mapper.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new TranscodingException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  @Override
  public T decode(CachedData data) {
    if (data.flags() != Flags.JSON) {
      throw Flags.unexpected(data.flags(), Flags.JSON + ", JSON");
    }
    try {
      return mapper.readValue(data.bytes(), type);
    } catch (IOException e) {
      throw new TranscodingException("stored JSON does not read as " + type, e);
    }
  }
}
