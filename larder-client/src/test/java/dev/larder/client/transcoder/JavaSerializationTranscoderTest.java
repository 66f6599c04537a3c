package dev.larder.client.transcoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaSerializationTranscoderTest {
  /** A class of the application's own, which the standard filter does not know. */
  record Order(String id, BigDecimal total) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final JavaSerializationTranscoder standard = new JavaSerializationTranscoder();

  @Test
  void roundTripsJdkValueClassesWithJavaFlag() {
    HashMap<String, Object> value = new HashMap<>(Map.of(
        "list", new ArrayList<>(List.of(1, 2L, "three")),
        "when", Instant.ofEpochSecond(1_700_000_000),
        "amount", new BigDecimal("12.50")));

    CachedData data = standard.encode(value);

    assertThat(data.flags()).isEqualTo(256);
    assertThat(standard.decode(data)).isEqualTo(value);
  }

  @Test
  void standardFilterRefusesApplicationClasses() {
    CachedData data = standard.encode(new Order("o-1", BigDecimal.TEN));

    assertThatThrownBy(() -> standard.decode(data))
        .isInstanceOf(TranscodingException.class)
        .hasMessageContaining("refused by the ObjectInputFilter")
        .hasMessageContaining("REJECTED");
  }

  @Test
  void standardFilterAllowsTheClassesNamed() {
    JavaSerializationTranscoder allowing = new JavaSerializationTranscoder(
        JavaSerializationTranscoder.standardFilter("dev.larder.client.transcoder.*"));
    Order order = new Order("o-1", BigDecimal.TEN);

    assertThat(allowing.decode(allowing.encode(order))).isEqualTo(order);
  }

  @Test
  void classesAFilterLeavesUndecidedAreRefused() {
    JavaSerializationTranscoder undecided =
        new JavaSerializationTranscoder(info -> ObjectInputFilter.Status.UNDECIDED);

    assertThatThrownBy(() -> undecided.decode(undecided.encode(new Order("o-1", BigDecimal.ONE))))
        .isInstanceOf(TranscodingException.class)
        .hasMessageContaining("REJECTED");
  }

  @Test
  void standardFilterRefusesDeepGraphs() {
    ArrayList<Object> nested = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      nested = new ArrayList<>(List.of(nested));
    }

    CachedData data = standard.encode(nested);

    assertThatThrownBy(() -> standard.decode(data)).isInstanceOf(TranscodingException.class);
  }

  @Test
  void refusesOtherFlags() {
    assertThatThrownBy(() -> standard.decode(new CachedData(Flags.PICKLE, new byte[] {(byte) 0x80})))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 1 (expected: 256, Java serialization)");
  }

  @Test
  void refusesBytesThatAreNotASerializationStream() {
    assertThatThrownBy(() -> standard.decode(new CachedData(Flags.JAVA_SERIALIZED, new byte[] {1, 2, 3})))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("cannot deserialize the stored value");
  }

  @Test
  void reportsValuesThatCannotBeSerialized() {
    ArrayList<Object> holdsAnObject = new ArrayList<>(List.of(new Object()));

    assertThatThrownBy(() -> standard.encode(holdsAnObject))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("cannot serialize java.util.ArrayList");
  }
}
