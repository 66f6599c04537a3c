package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyEncoderTest {
  private static final String EXPECTED =
      "(expected: 1..250 UTF-8 bytes including the key prefix, no whitespace or control characters)";

  @Test
  void keysAreSentAsUtf8AfterThePrefix() {
    assertThat(new KeyEncoder("app:").encode("clé")).isEqualTo("app:clé".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void twoHundredFiftyBytesIncludingThePrefixFit() {
    KeyEncoder keys = new KeyEncoder("p:");
    assertThat(keys.encode("k".repeat(248))).hasSize(250);
    assertThatThrownBy(() -> keys.encode("k".repeat(249)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("is 251 bytes with its prefix " + EXPECTED);
  }

  @Test
  void lengthIsCountedInUtf8Bytes() {
    KeyEncoder keys = new KeyEncoder("");
    assertThat(keys.encode("é".repeat(125))).hasSize(250);
    assertThatThrownBy(() -> keys.encode("é".repeat(126))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a\tb", "a\r\nget b", "a\u0000", "a\u007f", "a\u0085", "a\u00a0", "a\u2028",
      "\ud800"})
  void keysThatCouldBreakTheCommandLineAreRefused(String key) {
    assertThatThrownBy(() -> new KeyEncoder("").encode(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key: '")
        .hasMessageEndingWith(EXPECTED)
        .hasMessageNotContaining("\r");
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> new KeyEncoder("").encode(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key: 'null' " + EXPECTED);
  }

  @Test
  void thePrefixFollowsTheSameRules() {
    assertThatThrownBy(() -> new KeyEncoder("my app:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyPrefix: 'my app:' " + EXPECTED);
    assertThatThrownBy(() -> new KeyEncoder("p".repeat(250))).isInstanceOf(IllegalArgumentException.class);
  }
}
