package dev.larder.bench.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.bench.ValueSizes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestStreamTest {
  private static final ValueSizes SIZES = new ValueSizes(50, 500);

  @Test
  void zipfStreamsRepeatForASeedAndFavourTheFirstKeys() {
    RequestStream stream = RequestStream.zipf(1000, 0.99, 100_000, SIZES, 0.2, 42);
    assertThat(stream.keys()).isEqualTo(RequestStream.zipf(1000, 0.99, 100_000, SIZES, 0.2, 42).keys());
    assertThat(stream.keys()).isNotEqualTo(RequestStream.zipf(1000, 0.99, 100_000, SIZES, 0.2, 43).keys());
    assertThat(Arrays.stream(stream.keys()).allMatch(k -> k >= 0 && k < 1000)).isTrue();
    assertThat(Arrays.stream(stream.keys()).filter(k -> k == 0).count())
        .isGreaterThan(Arrays.stream(stream.keys()).filter(k -> k == 9).count() * 5);
    assertThat(stream.name()).isEqualTo("zipf 0.99");
  }

  @Test
  void scansReplaceTheStartOfEachStretchWithKeysSeenOnce() {
    RequestStream zipf = RequestStream.zipf(1000, 0.99, 1000, SIZES, 0, 1);
    RequestStream scanned = zipf.withScans(0.25);
    int[] keys = scanned.keys();
    for (int i = 0; i < keys.length; i++) {
      boolean inScan = i % 100 < 25;
      assertThat(keys[i] >= 1000).as("request %d", i).isEqualTo(inScan);
      if (!inScan) {
        assertThat(keys[i]).isEqualTo(zipf.keys()[i]);
      }
    }
    assertThat(Arrays.stream(keys).filter(k -> k >= 1000).distinct().count()).isEqualTo(250);
    assertThat(scanned.name()).isEqualTo("zipf 0.99 + 25% scans");
  }

  @Test
  void theCompulsoryMissRatioCountsFirstRequestsAfterTheWarmUp() {
    RequestStream stream = new RequestStream("s", new int[] {1, 2, 1, 3, 2, 4, 1, 5, 5, 6}, SIZES, 0.2);
    assertThat(stream.countedFrom()).isEqualTo(2);
    assertThat(stream.compulsoryMissRatio()).isEqualTo(4 / 8.0); // 3, 4, 5, 6
  }

  @Test
  void limitingKeepsTheFirstRequests() {
    RequestStream stream = new RequestStream("s", new int[] {1, 2, 3}, SIZES, 0);
    assertThat(stream.limitedTo(2).keys()).containsExactly(1, 2);
    assertThat(stream.limitedTo(2).name()).isEqualTo("s (first 2)");
    assertThat(stream.limitedTo(3)).isSameAs(stream);
  }

  @Test
  void aStreamNeedsRequestsToCount() {
    assertThatThrownBy(() -> new RequestStream("s", new int[0], SIZES, 0))
        .hasMessage("requests: 0 (expected: >= 1)");
    assertThatThrownBy(() -> new RequestStream("s", new int[1], SIZES, 1))
        .hasMessage("warmup: 1.0 (expected: 0 <= warmup < 1)");
    RequestStream stream = new RequestStream("s", new int[10], SIZES, 0);
    assertThatThrownBy(() -> stream.withScans(0))
        .hasMessage("scans: 0.0 (expected: 0 < share < 1)");
  }
}
