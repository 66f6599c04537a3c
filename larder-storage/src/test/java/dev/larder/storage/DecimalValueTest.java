package dev.larder.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalValueTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0|0", "42|42", "99 |99", " 7|7", "+5|5", "-0|0",
      "18446744073709551615|-1", "-18446744073709551615|1"})
  void acceptsWhatSafeStrtoullAccepts(String text, long expected) {
    assertThat(DecimalValue.parse(text.getBytes(US_ASCII))).isEqualTo(OptionalLong.of(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "12ab", "-5", "18446744073709551616", "1.5"})
  void refusesWhatSafeStrtoullRefuses(String text) {
    assertThat(DecimalValue.parse(text.getBytes(US_ASCII))).isEmpty();
  }

  @Property
  void parsesEveryUnsignedNumberItFormats(@ForAll long unsigned) {
    byte[] text = DecimalValue.format(unsigned, 0);
    assertThat(new BigInteger(new String(text, US_ASCII)))
        .isEqualTo(new BigInteger(Long.toUnsignedString(unsigned)));
    assertThat(DecimalValue.parse(text)).isEqualTo(OptionalLong.of(unsigned));
  }

  @Test
  void padsToTheOldLength() {
    assertThat(new String(DecimalValue.format(9, 3), US_ASCII)).isEqualTo("9  ");
    assertThat(new String(DecimalValue.format(1000, 3), US_ASCII)).isEqualTo("1000");
  }
}
