package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodesTest {
  @Test
  void parsesHostsPortsAndWeightsInOrder() {
    assertThat(Nodes.parse("cache1,cache2:11212, 10.0.0.3:11211:2 ,[::1]:11213:4,[fe80::1]"))
        .containsExactly(
            new Node("cache1", 11211, 1),
            new Node("cache2", 11212, 1),
            new Node("10.0.0.3", 11211, 2),
            new Node("::1", 11213, 4),
            new Node("fe80::1", 11211, 1));
  }

  @Test
  void ipv6NodesPrintAsPymemcacheNamesThem() {
    assertThat(Nodes.parse("[::1]:11213")).map(Node::toString).containsExactly("::1:11213");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''                | server: '' (expected: host[:port[:weight]]",
    "a,,b              | server: '' (expected: host[:port[:weight]]",
    "a:b               | server: 'a:b' (expected: port in 1..65535, not 'b')",
    "a:0               | server: 'a:0' (expected: port in 1..65535, not '0')",
    "a:65536           | server: 'a:65536' (expected: port in 1..65535, not '65536')",
    "a:                | server: 'a:' (expected: port in 1..65535, not '')",
    "a:1:0             | server: 'a:1:0' (expected: weight >= 1, not '0')",
    "a:1:x             | server: 'a:1:x' (expected: weight >= 1, not 'x')",
    "a:1:2:3           | server: 'a:1:2:3' (expected: host[:port[:weight]]",
    "::1               | server: '::1' (expected: host[:port[:weight]], an IPv6 address in brackets",
    "fe80::1:11211     | server: 'fe80::1:11211' (expected: host[:port[:weight]]",
    "[::1              | server: '[::1' (expected: a ']' closing the IPv6 address)",
    "[::1]11211        | server: '[::1]11211' (expected: host[:port[:weight]]",
    "[]:11211          | server: '[]:11211' (expected: host[:port[:weight]]",
    "a:11211,b,a       | server: 'a' (expected: each server once, a:11211 is listed twice)",
  })
  void rejectsBadEntriesNamingThem(String servers, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Nodes.parse(servers))
        .withMessageStartingWith(message);
  }

  @Test
  void locatorsNeedAServer() {
    for (Distribution distribution : Distribution.values()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> distribution.locator(List.of()))
          .withMessage("nodes: [] (expected: at least one server)");
    }
  }
}
