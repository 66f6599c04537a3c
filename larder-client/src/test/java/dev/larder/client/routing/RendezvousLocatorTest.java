package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendezvousLocatorTest {
  @Test
  void addingAServerMovesAboutOneNthOfTheKeysAllToIt() {
    List<Node> ten = SampleKeys.servers(10);
    List<Node> eleven = SampleKeys.servers(11);
    List<Node> before = SampleKeys.owners(new RendezvousLocator(ten));
    List<Node> after = SampleKeys.owners(new RendezvousLocator(eleven));

    List<Integer> moved = SampleKeys.moved(before, after);
    assertThat(moved).allSatisfy(i -> assertThat(after.get(i)).isEqualTo(eleven.get(10)));
    assertThat(moved.size() / (double) SampleKeys.COUNT).isCloseTo(1 / 11.0, within(0.03));
  }

  @Test
  void removingAServerMovesOnlyItsKeys() {
    List<Node> five = SampleKeys.servers(5);
    List<Node> four = new ArrayList<>(five);
    Node removed = four.remove(2);
    List<Node> before = SampleKeys.owners(new RendezvousLocator(five));
    List<Node> after = SampleKeys.owners(new RendezvousLocator(four));

    assertThat(SampleKeys.moved(before, after))
        .allSatisfy(i -> assertThat(before.get(i)).isEqualTo(removed));
  }

  @Test
  void serverOrderDoesNotMatter() {
    List<Node> nodes = SampleKeys.servers(6);
    List<Node> reversed = new ArrayList<>(nodes);
    Collections.reverse(reversed);

    assertThat(SampleKeys.owners(new RendezvousLocator(reversed)))
        .isEqualTo(SampleKeys.owners(new RendezvousLocator(nodes)));
  }

  @Test
  void bytesThatAreNotUtf8HashAsTheReplacementCharacter() {
    RendezvousLocator locator = new RendezvousLocator(SampleKeys.servers(10));
    for (int i = 0; i < 20; i++) {
      byte[] invalid = {'k', (byte) i, (byte) 0xff};
      byte[] replaced = ("k" + (char) i + "\uFFFD").getBytes(StandardCharsets.UTF_8);
      assertThat(locator.locate(invalid)).isEqualTo(locator.locate(replaced));
    }
  }
}
