package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur3Test {
  /** Published MurmurHash3_x86_32 values, and pymemcache's murmur3_32 for the same strings. */
  @ParameterizedTest
  @CsvSource({
    "'', 0, 0x00000000",
    "'', 1, 0x514e28b7",
    "a, 0, 0x3c2569b2",
    "ab, 0, 0x9bbfd75f",
    "abc, 0, 0xb3dd93fa",
    "abcd, 0, 0x43ed676a",
    "hello, 0, 0x248bfa47",
    "'Hello, world!', 1234, 0xfaf6cdb3",
    "The quick brown fox jumps over the lazy dog, 0, 0x2e4ff723",
    "127.0.0.1:11211-foo, 0, 0x20f9d679",
  })
  void matchesReferenceValues(String text, int seed, String expected) {
    byte[] data = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(Murmur3.hash32(data, 0, data.length, seed))
        .isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 3", "2, 5", "3, 9"})
  void hashesOnlyTheGivenRange(int offset, int length) {
    byte[] data = "xxxThe quick brown".getBytes(StandardCharsets.US_ASCII);
    byte[] range = Arrays.copyOfRange(data, offset, offset + length);
    assertThat(Murmur3.hash32(data, offset, length, 7))
        .isEqualTo(Murmur3.hash32(range, 0, length, 7));
  }

  @ParameterizedTest
  @CsvSource({"ÿþý, 0xd2bef2dc"})
  void readsBytesAsUnsigned(String latin1, String expected) {
    byte[] data = latin1.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Murmur3.hash32(data, 0, data.length, 0))
        .isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
  }
}
