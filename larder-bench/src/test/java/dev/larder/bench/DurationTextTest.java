package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void durationsTakeUnits() {
    assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationText.parse("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> DurationText.parse("soon"))
        .hasMessage("duration: 'soon' (expected: e.g. 500ms, 10s, 2m)");
  }
}
