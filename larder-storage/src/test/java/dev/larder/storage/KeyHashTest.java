package dev.larder.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class KeyHashTest {
  /** A key inside a larger array, as a command line holds it, hashes as the key alone. */
  @Property
  void aKeyHashesTheSameAtAnyOffsetOfItsArray(
      @ForAll @Size(max = 300) byte[] line, @ForAll @IntRange(max = 300) int from, @ForAll @IntRange(max = 300) int to) {
    int start = Math.min(Math.min(from, to), line.length);
    int end = Math.min(Math.max(from, to), line.length);
    byte[] key = Arrays.copyOfRange(line, start, end);
    assertThat(KeyHash.of(line, start, end - start)).isEqualTo(KeyHash.of(key, 0, key.length));
  }
}
