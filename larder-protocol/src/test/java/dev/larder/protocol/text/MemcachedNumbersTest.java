package dev.larder.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** memcached's util.c number rules on LP64 Linux; "fail" means memcached refuses the token. */
class MemcachedNumbersTest {
  private final MemcachedNumbers numbers = new MemcachedNumbers();

  @ParameterizedTest(name = "strtoul ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0", "42|42", "+7|7", "'\t5'|5", "'5\t'|5", "'5\r'|5", "-0|0",
        "4294967295|4294967295", "4294967296|0", "4294967297|1",
        "-1|fail", "-18446744073709551615|1", "18446744073709551615|4294967295",
        "18446744073709551616|fail", "5x|fail", "x|fail", "-|fail", "+|fail", "' 5'|5", "0x10|fail"
      })
  void unsigned32(String token, String expected) {
    assertThat(render(numbers.parseUnsigned32(bytes(token), 0, token.length()), false)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "strtoull ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "18446744073709551615|18446744073709551615", "18446744073709551616|fail",
        "9223372036854775808|9223372036854775808", "-1|fail", "-9223372036854775809|9223372036854775807",
        "-18446744073709551615|1", "10|10"
      })
  void unsigned64(String token, String expected) {
    assertThat(render(numbers.parseUnsigned64(bytes(token), 0, token.length()), true)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "strtol ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0", "-1|-1", "2147483647|2147483647", "2147483648|-2147483648", "4294967297|1",
        "-2147483649|2147483647", "9223372036854775807|-1", "9223372036854775808|fail",
        "-9223372036854775808|0", "-9223372036854775809|fail", "1.5|fail", "'\t-3 '|-3"
      })
  void signed32(String token, String expected) {
    assertThat(render(numbers.parseSigned32(bytes(token), 0, token.length()), false)).isEqualTo(expected);
  }

  private static byte[] bytes(String token) {
    return token.getBytes(StandardCharsets.ISO_8859_1);
  }

  private String render(boolean accepted, boolean unsigned) {
    if (!accepted) {
      return "fail";
    }
    return unsigned ? Long.toUnsignedString(numbers.value()) : Long.toString(numbers.value());
  }
}
