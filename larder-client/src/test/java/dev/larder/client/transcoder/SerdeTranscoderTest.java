package dev.larder.client.transcoder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SerdeTranscoderTest {
  private final SerdeTranscoder serde = new SerdeTranscoder();

  static Stream<Arguments> typesAndFlags() {
    return Stream.of(
        Arguments.of(new byte[] {1, 2}, 0, new byte[] {1, 2}),
        Arguments.of("caf\u00e9", 16, "caf\u00e9".getBytes(UTF_8)),
        Arguments.of(42, 2, ascii("42")),
        Arguments.of((short) -3, 2, ascii("-3")),
        Arguments.of((byte) 7, 2, ascii("7")),
        Arguments.of(BigInteger.TEN.pow(30), 2, ascii("1000000000000000000000000000000")),
        Arguments.of(5_000_000_000L, 4, ascii("5000000000")));
  }

  @ParameterizedTest
  @MethodSource("typesAndFlags")
  void picksFlagsByTypeAsPymemcacheDoes(Object value, int flags, byte[] bytes) {
    CachedData data = serde.encode(value);

    assertThat(data.flags()).isEqualTo(flags);
    assertThat(data.bytes()).isEqualTo(bytes);
  }

  @Test
  void writesOtherSerializablesWithJavaSerialization() {
    LocalDate date = LocalDate.of(2024, 2, 29);
    CachedData data = serde.encode(date);

    assertThat(data.flags()).isEqualTo(256);
    assertThat(serde.decode(data)).isEqualTo(date);
  }

  @Test
  void refusesValuesItCannotWrite() {
    assertThatThrownBy(() -> serde.encode(new Object()))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("java.lang.Object is not Serializable, a String, byte[] or integer");
  }

  @Test
  void readsPythonIntsAsTheNarrowestJavaType() {
    assertThat(serde.decode(stored(Flags.INTEGER, "2147483647"))).isEqualTo(Integer.MAX_VALUE);
    assertThat(serde.decode(stored(Flags.INTEGER, "-2147483649"))).isEqualTo(-2147483649L);
    assertThat(serde.decode(stored(Flags.INTEGER, "9223372036854775808")))
        .isEqualTo(new BigInteger("9223372036854775808"));
  }

  @Test
  void readsFlagLongAsLongUnlessItIsLarger() {
    assertThat(serde.decode(stored(Flags.LONG, "1"))).isEqualTo(1L);
    assertThat(serde.decode(stored(Flags.LONG, "-9223372036854775809")))
        .isEqualTo(new BigInteger("-9223372036854775809"));
  }

  @Test
  void shortAndByteComeBackAsInteger() {
    assertThat(serde.decode(serde.encode((short) 5))).isEqualTo(5);
    assertThat(serde.decode(serde.encode((byte) 5))).isEqualTo(5);
  }

  @Test
  void explainsThatPicklesCannotBeRead() {
    // pickle.dumps({'a': 1}, protocol=4) from Python
    CachedData pickled = new CachedData(Flags.PICKLE, hex("80049507000000000000007d948c0161944b01732e"));

    assertThatThrownBy(() -> serde.decode(pickled))
        .isInstanceOf(TranscodingException.class)
        .hasMessageStartingWith("flags: 1 (a Python pickle");
  }

  @Test
  void pointsCompressedValuesToCompressingTranscoder() {
    assertThatThrownBy(() -> serde.decode(new CachedData(Flags.TEXT | Flags.COMPRESSED, new byte[0])))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 24 (compressed: wrap this transcoder in a CompressingTranscoder to read it)");
  }

  @Test
  void pointsJsonToJsonTranscoder() {
    assertThatThrownBy(() -> serde.decode(new CachedData(Flags.JSON, ascii("{}"))))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 512 (JSON: read it with a JsonTranscoder for the target type)");
  }

  @Test
  void refusesUnknownFlags() {
    assertThatThrownBy(() -> serde.decode(new CachedData(Flags.TEXT | Flags.INTEGER, ascii("1"))))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 18 (expected: 0, 2, 4, 16 or 256)");
  }

  @Property
  void roundTripsValuesOfTheTypesThatKeepTheirType(@ForAll("sharedTypes") Object value) {
    assertThat(serde.decode(serde.encode(value))).isEqualTo(value);
  }

  @Provide
  static Arbitrary<Object> sharedTypes() {
    return Arbitraries.oneOf(
        StringTranscoderTest.unicode().map(s -> s),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(50).map(b -> b),
        Arbitraries.integers().map(i -> i),
        Arbitraries.longs().map(l -> l),
        Arbitraries.bigIntegers().between(BigInteger.TWO.pow(64), BigInteger.TWO.pow(200)).map(b -> b));
  }

  private static CachedData stored(int flags, String text) {
    return new CachedData(flags, ascii(text));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(UTF_8);
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
