package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ValueSizesTest {
  @Test
  void aFixedSizeIsTheSameForEveryKey() {
    ValueSizes sizes = ValueSizes.parse("100");
    assertThat(LongStream.range(0, 1000).mapToInt(sizes::sizeOf).distinct()).containsExactly(100);
  }

  @Test
  void aRangedSizeIsAFunctionOfTheKey() {
    ValueSizes sizes = ValueSizes.parse("50-500");
    assertThat(sizes).isEqualTo(new ValueSizes(50, 500));
    for (long key = 0; key < 10_000; key++) {
      assertThat(sizes.sizeOf(key)).isBetween(50, 500).isEqualTo(ValueSizes.parse("50-500").sizeOf(key));
    }
  }

  @Test
  void aRangedSizeCoversTheWholeRangeEvenly() {
    ValueSizes sizes = new ValueSizes(1, 4);
    int[] counts = new int[5];
    LongStream.range(0, 40_000).forEach(key -> counts[sizes.sizeOf(key)]++);
    assertThat(counts[0]).isZero();
    assertThat(IntStream.rangeClosed(1, 4).map(size -> counts[size])).allMatch(n -> n > 9_000 && n < 11_000);
  }

  @Test
  void neighbouringKeysGetUnrelatedSizes() {
    ValueSizes sizes = new ValueSizes(0, 1_000_000);
    assertThat(LongStream.range(0, 100).mapToInt(sizes::sizeOf).distinct().count()).isGreaterThan(95);
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> ValueSizes.parse("big"))
        .hasMessage("value-size: 'big' (expected: BYTES or MIN-MAX, e.g. 100 or 50-500)");
    assertThatThrownBy(() -> ValueSizes.parse("1-2-3"))
        .hasMessage("value-size: '1-2-3' (expected: BYTES or MIN-MAX, e.g. 100 or 50-500)");
    assertThatThrownBy(() -> ValueSizes.parse("500-50"))
        .hasMessage("value-size: 500-50 (expected: 0 <= MIN <= MAX <= 1048576)");
    assertThatThrownBy(() -> ValueSizes.parse("2000000"))
        .hasMessage("value-size: 2000000-2000000 (expected: 0 <= MIN <= MAX <= 1048576)");
  }
}
