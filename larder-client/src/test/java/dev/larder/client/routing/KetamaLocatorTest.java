package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KetamaLocatorTest {
  /** Expected counts are libmemcached's expression evaluated with Python's float32 rounding. */
  @ParameterizedTest
  @CsvSource({
    "1, 1, 1, 160",
    "1, 3, 3, 160",
    "1, 2, 2, 160",
    "2, 6, 3, 160",
    "100, 102, 3, 468",
    "1, 102, 3, 4",
    "1, 1000, 2, 0",
    // 1/25 * 40 * 5 is 8, but in float it is 7.9999995: libmemcached gives 28 points, not 32.
    "1, 25, 5, 28",
    "11, 25, 5, 352",
  })
  void pointCountFollowsLibmemcachedsFloatArithmetic(
      int weight, long totalWeight, int servers, int expected) {
    assertThat(KetamaLocator.pointCount(weight, totalWeight, servers)).isEqualTo(expected);
  }

  /** libhashkit 1.1.4's {@code libhashkit_md5("abc")}, the hash ketama gives a key. */
  @Test
  void keyHashIsTheFirstFourMd5BytesLittleEndian() {
    byte[] digest = Md5.digest("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(Md5.point(digest, 0)).isEqualTo(0x98500190);
  }

  @Test
  void addingAServerMovesAboutOneNthOfTheKeysAllToIt() {
    List<Node> ten = SampleKeys.servers(10);
    List<Node> eleven = SampleKeys.servers(11);
    List<Node> before = SampleKeys.owners(new KetamaLocator(ten));
    List<Node> after = SampleKeys.owners(new KetamaLocator(eleven));

    List<Integer> moved = SampleKeys.moved(before, after);
    assertThat(moved).allSatisfy(i -> assertThat(after.get(i)).isEqualTo(eleven.get(10)));
    assertThat(moved.size() / (double) SampleKeys.COUNT).isCloseTo(1 / 11.0, within(0.03));
  }

  @Test
  void removingAServerMovesOnlyItsKeys() {
    List<Node> five = SampleKeys.servers(5);
    List<Node> four = new ArrayList<>(five);
    Node removed = four.remove(2);
    List<Node> before = SampleKeys.owners(new KetamaLocator(five));
    List<Node> after = SampleKeys.owners(new KetamaLocator(four));

    assertThat(SampleKeys.moved(before, after))
        .allSatisfy(i -> assertThat(before.get(i)).isEqualTo(removed));
  }

  @Test
  void weightsShiftShares() {
    List<Node> nodes = new ArrayList<>(SampleKeys.servers(4));
    Node heavy = new Node(nodes.get(0).host(), nodes.get(0).port(), 3);
    nodes.set(0, heavy);
    List<Node> owners = SampleKeys.owners(new KetamaLocator(nodes));

    assertThat(SampleKeys.share(owners, heavy)).isCloseTo(0.5, within(0.1));
    assertThat(SampleKeys.share(owners, nodes.get(1))).isCloseTo(1 / 6.0, within(0.07));
  }
}
