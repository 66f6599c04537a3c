package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModulaLocatorTest {
  /**
   * Values from libhashkit 1.1.4's {@code libhashkit_one_at_a_time} on x86-64 (through ctypes).
   * Bytes from 0x80 up are added sign-extended there; unsigned they would give 0xae8600ef for
   * c3a9 and 0xc7b20f1d for ff.
   */
  @ParameterizedTest
  @CsvSource({
    "616263, 0xed131f5b",
    "757365723a3432, 0x303f6fea",
    "c3a9, 0x019148ae",
    "ff, 0xae65a494",
  })
  void oneAtATimeMatchesLibhashkitOnX86(String keyHex, String expected) {
    assertThat(ModulaLocator.oneAtATime(HexFormat.of().parseHex(keyHex)))
        .isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
  }

  @Test
  void ownerIsTheUnsignedHashModuloTheServerCount() {
    List<Node> nodes = List.of(Node.of("a", 1), Node.of("b", 1), Node.of("c", 1));
    byte[] key = HexFormat.of().parseHex("ff");
    // 0xae65a494 is negative as an int; its unsigned value modulo 3 is 2.
    assertThat(new ModulaLocator(nodes).locate(key)).isEqualTo(nodes.get(2));
  }
}
