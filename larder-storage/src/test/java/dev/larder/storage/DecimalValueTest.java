package dev.larder.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalValueTest {
  private final DecimalValue number = new DecimalValue();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0|0", "42|42", "99 |99", " 7|7", "+5|5", "-0|0",
      "18446744073709551615|-1", "-18446744073709551615|1"})
  void acceptsWhatSafeStrtoullAccepts(String text, long expected) {
    assertThat(number.parse(ascii(text))).isTrue();
    assertThat(number.value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "12ab", "-5", "18446744073709551616", "1.5"})
  void refusesWhatSafeStrtoullRefuses(String text) {
    assertThat(number.parse(ascii(text))).isFalse();
  }

  @Property
  void parsesEveryUnsignedNumberItFormats(@ForAll long unsigned) {
    String text = formatted(unsigned, 0);
    assertThat(new BigInteger(text)).isEqualTo(new BigInteger(Long.toUnsignedString(unsigned)));
    assertThat(number.parse(ascii(text))).isTrue();
    assertThat(number.value()).isEqualTo(unsigned);
  }

  @Test
  void padsToTheOldLength() {
    assertThat(formatted(9, 3)).isEqualTo("9  ");
    assertThat(formatted(1000, 3)).isEqualTo("1000");
    assertThat(formatted(7, 0)).isEqualTo("7"); // no space left from the padding before
    assertThat(formatted(-1, 0)).isEqualTo("18446744073709551615");
    assertThat(formatted(5, 25)).isEqualTo("5" + " ".repeat(24)); // longer than any number
    assertThat(number.format(5, 1000).array()).as("padding beyond any number, in an array of its own").hasSize(1000);
    assertThat(number.format(5, 0).array()).as("the kept array, which no padding grew").hasSize(20);
  }

  /** A number parsed where it sits in a larger buffer: the bytes between position and limit. */
  @Test
  void parsesBetweenPositionAndLimit() {
    assertThat(number.parse(ByteBuffer.wrap(ascii("x12 y").array(), 1, 3))).isTrue();
    assertThat(number.value()).isEqualTo(12);
  }

  private String formatted(long unsigned, int minLength) {
    return US_ASCII.decode(number.format(unsigned, minLength)).toString();
  }

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(US_ASCII));
  }
}
