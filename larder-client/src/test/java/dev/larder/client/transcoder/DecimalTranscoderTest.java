package dev.larder.client.transcoder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DecimalTranscoderTest {
  @Test
  void writesDecimalAsciiWithPymemcacheFlags() {
    assertThat(DecimalTranscoder.INTEGER.encode(-42)).satisfies(data -> {
      assertThat(data.flags()).isEqualTo(2);
      assertThat(new String(data.bytes(), UTF_8)).isEqualTo("-42");
    });
    assertThat(DecimalTranscoder.LONG.encode(1L << 40)).satisfies(data -> {
      assertThat(data.flags()).isEqualTo(4);
      assertThat(new String(data.bytes(), UTF_8)).isEqualTo("1099511627776");
    });
    assertThat(DecimalTranscoder.BIG_INTEGER.encode(BigInteger.TWO.pow(100))).satisfies(data -> {
      assertThat(data.flags()).isEqualTo(2);
      assertThat(new String(data.bytes(), UTF_8)).isEqualTo("1267650600228229401496703205376");
    });
  }

  @Test
  void readsEitherIntegerFlag() {
    assertThat(DecimalTranscoder.INTEGER.decode(stored(Flags.LONG, "7"))).isEqualTo(7);
    assertThat(DecimalTranscoder.LONG.decode(stored(Flags.INTEGER, "7"))).isEqualTo(7L);
  }

  @Test
  void ignoresSpacesMemcachedLeavesAfterDecr() {
    assertThat(DecimalTranscoder.INTEGER.decode(stored(Flags.INTEGER, "9  "))).isEqualTo(9);
    assertThat(DecimalTranscoder.LONG.decode(stored(Flags.INTEGER, "+12\r\n"))).isEqualTo(12L);
  }

  @Test
  void refusesNumbersOutOfRange() {
    assertThatThrownBy(() -> DecimalTranscoder.INTEGER.decode(stored(Flags.INTEGER, "2147483648")))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("stored integer 2147483648 does not fit an int");
    assertThatThrownBy(() -> DecimalTranscoder.LONG.decode(stored(Flags.INTEGER, "-9223372036854775809")))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("stored integer -9223372036854775809 does not fit a long");
  }

  @Test
  void refusesTextThatIsNotADecimalInteger() {
    for (String text : new String[] {"", "1.5", "0x10", "1_000", "\u0661"}) {
      assertThatThrownBy(() -> DecimalTranscoder.BIG_INTEGER.decode(stored(Flags.INTEGER, text)))
          .as(text)
          .isInstanceOf(TranscodingException.class)
          .hasMessageStartingWith("stored value is not a decimal integer");
    }
  }

  @Test
  void refusesOtherFlags() {
    assertThatThrownBy(() -> DecimalTranscoder.INTEGER.decode(stored(Flags.TEXT, "1")))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 16 (expected: 2 or 4, integer)");
  }

  @Property
  void intsRoundTrip(@ForAll int value) {
    DecimalTranscoder<Integer> transcoder = DecimalTranscoder.INTEGER;
    assertThat(transcoder.decode(transcoder.encode(value))).isEqualTo(value);
  }

  @Property
  void longsRoundTrip(@ForAll long value) {
    DecimalTranscoder<Long> transcoder = DecimalTranscoder.LONG;
    assertThat(transcoder.decode(transcoder.encode(value))).isEqualTo(value);
  }

  @Property
  void bigIntegersRoundTrip(@ForAll BigInteger value) {
    DecimalTranscoder<BigInteger> transcoder = DecimalTranscoder.BIG_INTEGER;
    assertThat(transcoder.decode(transcoder.encode(value))).isEqualTo(value);
  }

  private static CachedData stored(int flags, String text) {
    return new CachedData(flags, text.getBytes(UTF_8));
  }
}
