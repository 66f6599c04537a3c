package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipfKeysTest {
  private static final int SAMPLES = 1_000_000;

  /** Each of the first ranks is drawn as often as 1/k^alpha / H(n, alpha) says, within 3%. */
  @ParameterizedTest
  @CsvSource({"1000, 0.99", "1000, 1.0", "100000, 0.7", "50, 1.5"})
  void firstRanksFollowTheory(int keys, double alpha) {
    long[] counts = sample(new ZipfKeys(keys, alpha), keys, new SplittableRandom(42));
    double harmonic = 0;
    for (int rank = 1; rank <= keys; rank++) {
      harmonic += Math.pow(rank, -alpha);
    }
    for (int rank : new int[] {1, 2, 10}) {
      double expected = SAMPLES * Math.pow(rank, -alpha) / harmonic;
      assertThat((double) counts[rank - 1]).as("rank %d", rank).isCloseTo(expected, within(0.03 * expected));
    }
  }

  @Test
  void everyKeyIsInRangeAndTheRarestAreDrawnToo() {
    long[] counts = sample(new ZipfKeys(100, 0.99), 100, new SplittableRandom(7));
    assertThat(LongStream.of(counts).sum()).isEqualTo(SAMPLES);
    assertThat(LongStream.of(counts).min().orElseThrow()).isPositive();
  }

  @Test
  void theSameSeedGivesTheSameKeys() {
    ZipfKeys zipf = new ZipfKeys(1_000_000, 0.99);
    SplittableRandom first = new SplittableRandom(3);
    SplittableRandom second = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      assertThat(zipf.next(first)).isEqualTo(zipf.next(second));
    }
  }

  @Test
  void hugeKeySpacesNeedNoTable() {
    ZipfKeys zipf = new ZipfKeys(10_000_000_000L, 0.99);
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 10_000; i++) {
      assertThat(zipf.next(random)).isBetween(0L, 10_000_000_000L - 1);
    }
  }

  @Test
  void oneKeyIsAlwaysKeyZero() {
    assertThat(new ZipfKeys(1, 0.99).next(new SplittableRandom(1))).isZero();
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> new ZipfKeys(0, 0.99)).hasMessage("keys: 0 (expected: >= 1)");
    assertThatThrownBy(() -> new ZipfKeys(10, 0)).hasMessage("zipf alpha: 0.0 (expected: > 0)");
    assertThatThrownBy(() -> new ZipfKeys(10, Double.NaN)).hasMessage("zipf alpha: NaN (expected: > 0)");
  }

  private static long[] sample(KeySampler sampler, int keys, SplittableRandom random) {
    long[] counts = new long[keys];
    for (int i = 0; i < SAMPLES; i++) {
      counts[(int) sampler.next(random)]++;
    }
    return counts;
  }
}
