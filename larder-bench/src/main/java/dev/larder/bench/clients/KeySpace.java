package dev.larder.bench.clients;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys {@code key:0 .. key:N-1} and the value each one always holds, built once so that the
 * callers spend their time in the client under test, not in making keys. A key's value spells its index
 * ({@code "42|42|4"} for key 42 and 7 bytes), so a value read back under another key's name is caught.
 */
final class KeySpace {
  private final String[] keys;
  private final byte[][] values;

  KeySpace(int size, int valueSize) {
    if (size < 1) {
      throw new IllegalArgumentException("keys: " + size + " (expected: >= 1)");
    }
    if (valueSize < 0) {
      throw new IllegalArgumentException("value-size: " + valueSize + " (expected: >= 0)");
    }
    this.keys = new String[size];
    this.values = new byte[size][];
    for (int i = 0; i < size; i++) {
      keys[i] = "key:" + i;
      values[i] = valueOf(i, valueSize);
    }
  }

  int size() {
    return keys.length;
  }

  String key(int index) {
    return keys[index];
  }

  /** What key {@code index} holds; shared, not to be modified. */
  byte[] value(int index) {
    return values[index];
  }

  /** Whether {@code value} is what key {@code index} holds. */
  boolean holds(int index, byte[] value) {
    return Arrays.equals(values[index], value);
  }

  private static byte[] valueOf(int index, int size) {
    byte[] pattern = (index + "|").getBytes(StandardCharsets.US_ASCII);
    byte[] value = new byte[size];
    for (int i = 0; i < size; i++) {
      value[i] = pattern[i % pattern.length];
    }
    return value;
  }
}
