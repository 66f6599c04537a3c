package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every locator places every recorded key where libmemcached or pymemcache placed it. */
class VectorsTest {
  private static final List<byte[]> KEYS = RoutingVectors.keys();

  @TestFactory
  Stream<DynamicTest> ketamaAgreesWithPylibmcKetamaWeighted() {
    return cases(Distribution.KETAMA);
  }

  @TestFactory
  Stream<DynamicTest> modulaAgreesWithPylibmcDefaults() {
    return cases(Distribution.MODULA);
  }

  @TestFactory
  Stream<DynamicTest> rendezvousAgreesWithPymemcacheHashClient() {
    return cases(Distribution.RENDEZVOUS);
  }

  private static Stream<DynamicTest> cases(Distribution distribution) {
    return RoutingVectors.cases(distribution).stream()
        .map(vector -> DynamicTest.dynamicTest(vector.servers(), () -> agree(distribution, vector)));
  }

  private static void agree(Distribution distribution, RoutingVectors.Case vector) {
    assertThat(vector.owners()).hasSize(KEYS.size());
    NodeLocator locator = distribution.locator(vector.nodes());
    Map<String, Node> expected = new LinkedHashMap<>();
    Map<String, Node> actual = new LinkedHashMap<>();
    for (int i = 0; i < KEYS.size(); i++) {
      String key = readable(KEYS.get(i));
      expected.put(key, vector.owner(i));
      actual.put(key, locator.locate(KEYS.get(i)));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  /** The key itself when it is printable ASCII, else its hex, so failures read well. */
  private static String readable(byte[] key) {
    boolean printable = true;
    for (byte b : key) {
      printable &= b > 0x20 && b < 0x7f;
    }
    return printable
        ? new String(key, StandardCharsets.US_ASCII)
        : "hex:" + HexFormat.of().formatHex(key);
  }
}
