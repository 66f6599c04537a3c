package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RatioTest {
  @Test
  void parsesGetsThenSets() {
    assertThat(Ratio.parse("9:1")).isEqualTo(new Ratio(9, 1));
    assertThat(Ratio.parse(" 1 : 0 ")).isEqualTo(new Ratio(1, 0));
    assertThat(Ratio.parse("0:1")).isEqualTo(new Ratio(0, 1));
  }

  @Test
  void eachCycleHasExactlyTheRatioSetsFirst() {
    Ratio ratio = Ratio.parse("9:1");
    assertThat(LongStream.range(0, 100).filter(ratio::isSet).count()).isEqualTo(10);
    assertThat(ratio.isSet(0)).isTrue();
    assertThat(ratio.isSet(1)).isFalse();
    assertThat(ratio.isSet(10)).isTrue();
  }

  @Test
  void getsOnlyAndSetsOnly() {
    assertThat(LongStream.range(0, 10).noneMatch(Ratio.parse("1:0")::isSet)).isTrue();
    assertThat(LongStream.range(0, 10).allMatch(Ratio.parse("0:1")::isSet)).isTrue();
  }

  @Test
  void rejectsWhatIsNotGetsColonSets() {
    for (String bad : new String[] {"9", "9:1:1", "a:1", "", "9:"}) {
      assertThatThrownBy(() -> Ratio.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("ratio: '" + bad + "' (expected: GETS:SETS, e.g. 9:1)");
    }
    assertThatThrownBy(() -> Ratio.parse("0:0"))
        .hasMessage("ratio: 0:0 (expected: GETS:SETS, non-negative, not both 0)");
    assertThatThrownBy(() -> Ratio.parse("-1:2"))
        .hasMessage("ratio: -1:2 (expected: GETS:SETS, non-negative, not both 0)");
  }
}
