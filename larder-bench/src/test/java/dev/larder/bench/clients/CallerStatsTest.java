package dev.larder.bench.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallerStatsTest {
  @Test
  void aLatencyPastTheLongestCountsAsTheLongest() {
    CallerStats stats = new CallerStats();
    stats.stored(TimeUnit.MINUTES.toNanos(5));
    stats.stored(1_000);
    assertThat(stats.latency().getTotalCount()).isEqualTo(2);
    assertThat(stats.latency().getMaxValue())
        .isBetween(CallerStats.LONGEST_NANOS, CallerStats.LONGEST_NANOS + CallerStats.LONGEST_NANOS / 1000);
    assertThat(stats.latency().getMinValue()).isEqualTo(1_000);
  }
}
