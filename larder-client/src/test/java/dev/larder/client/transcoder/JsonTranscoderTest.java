package dev.larder.client.transcoder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTranscoderTest {
  record Order(String id, int quantity) {}

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesJsonTextWithJsonFlag() {
    CachedData data = new JsonTranscoder<>(mapper, Order.class).encode(new Order("\u00e9-1", 3));

    assertThat(data.flags()).isEqualTo(512);
    assertThat(new String(data.bytes(), UTF_8)).isEqualTo("{\"id\":\"\u00e9-1\",\"quantity\":3}");
  }

  @Test
  void roundTripsAClass() {
    JsonTranscoder<Order> transcoder = new JsonTranscoder<>(mapper, Order.class);

    assertThat(transcoder.decode(transcoder.encode(new Order("o-1", 3)))).isEqualTo(new Order("o-1", 3));
  }

  @Test
  void roundTripsAGenericType() {
    JsonTranscoder<List<Map<String, Integer>>> transcoder =
        new JsonTranscoder<>(mapper, new TypeReference<List<Map<String, Integer>>>() {});
    List<Map<String, Integer>> value = List.of(Map.of("a", 1), Map.of("b", 2));

    assertThat(transcoder.decode(transcoder.encode(value))).isEqualTo(value);
  }

  @Test
  void refusesJsonThatDoesNotBindToTheType() {
    JsonTranscoder<Order> transcoder = new JsonTranscoder<>(mapper, Order.class);

    assertThatThrownBy(() -> transcoder.decode(new CachedData(Flags.JSON, "[1,2]".getBytes(UTF_8))))
        .isInstanceOf(TranscodingException.class)
        .hasMessageStartingWith("stored JSON does not read as ");
  }

  @Test
  void refusesOtherFlags() {
    JsonTranscoder<Order> transcoder = new JsonTranscoder<>(mapper, Order.class);

    assertThatThrownBy(() -> transcoder.decode(new CachedData(Flags.TEXT, "{}".getBytes(UTF_8))))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 16 (expected: 512, JSON)");
  }
}
