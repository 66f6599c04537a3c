package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));

  @Test
  void doublesFromMinWithJitterInTheUpperHalf() {
    for (int attempt = 0; attempt < 7; attempt++) {
      long full = Duration.ofMillis(100L << attempt).toNanos();
      for (int sample = 0; sample < 100; sample++) {
        assertThat(backoff.delayNanos(attempt)).isBetween(full / 2, full);
      }
    }
  }

  @Test
  void isCappedAtMaxForever() {
    long max = Duration.ofSeconds(10).toNanos();
    for (int attempt : new int[] {7, 8, 63, 64, 1000, Integer.MAX_VALUE}) {
      assertThat(backoff.delayNanos(attempt)).isBetween(max / 2, max);
    }
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reconnectBackoff min: PT0S (expected: > 0)");
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reconnectBackoff max: PT1S (expected: >= min PT2S)");
  }
}
