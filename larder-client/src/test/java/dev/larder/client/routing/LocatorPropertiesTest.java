package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** What holds for every distribution, whatever the servers and the key. */
class LocatorPropertiesTest {
  @Property(tries = 300)
  void sameServersAndKeyGiveTheSameListedOwner(
      @ForAll Distribution distribution,
      @ForAll("servers") List<Node> nodes,
      @ForAll @Size(min = 1, max = 250) byte[] key) {
    Node owner = distribution.locator(nodes).locate(key);

    assertThat(nodes).contains(owner);
    assertThat(distribution.locator(List.copyOf(nodes)).locate(key.clone())).isEqualTo(owner);
  }

  @Provide
  Arbitrary<List<Node>> servers() {
    Arbitrary<String> host =
        Arbitraries.strings().alpha().numeric().withChars('.', '-').ofMinLength(1).ofMaxLength(30);
    Arbitrary<Integer> port = Arbitraries.of(Node.DEFAULT_PORT, 11212, 1, 65535);
    Arbitrary<Integer> weight = Arbitraries.integers().between(1, 10);
    Arbitrary<Node> node = Combinators.combine(host, port, weight).as(Node::new);
    return node.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Node::toString);
  }
}
