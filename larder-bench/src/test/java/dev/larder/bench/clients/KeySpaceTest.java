package dev.larder.bench.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeySpaceTest {
  @Test
  void eachKeyHoldsAValueSpellingItsIndex() {
    KeySpace keys = new KeySpace(50, 7);
    assertThat(keys.size()).isEqualTo(50);
    assertThat(keys.key(42)).isEqualTo("key:42");
    assertThat(new String(keys.value(42), StandardCharsets.US_ASCII)).isEqualTo("42|42|4");
    assertThat(keys.holds(42, "42|42|4".getBytes(StandardCharsets.US_ASCII))).isTrue();
  }

  @Test
  void anotherKeysValueIsNotItsOwn() {
    KeySpace keys = new KeySpace(50, 100);
    assertThat(keys.holds(4, keys.value(40))).isFalse();
    assertThat(keys.holds(4, new byte[0])).isFalse();
  }

  @Test
  void refusesAnEmptyKeySpace() {
    assertThatThrownBy(() -> new KeySpace(0, 100)).hasMessage("keys: 0 (expected: >= 1)");
  }
}
