package dev.larder.client;

import dev.larder.protocol.text.TextRequestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a caller's key into the bytes sent: the prefix, then the key, in UTF-8, checked against
 * memcached's rules so that no key can break a command line or inject another command.
 */
final class KeyEncoder {
  private static final String EXPECTED = "(expected: 1.." + TextRequestDecoder.MAX_KEY_LENGTH
      + " UTF-8 bytes including the key prefix, no whitespace or control characters)";

  private final String prefix;
  private final int prefixLength;

  KeyEncoder(String prefix) {
    if (!isClean(prefix) || utf8Length(prefix) >= TextRequestDecoder.MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("keyPrefix: '" + printable(prefix) + "' " + EXPECTED);
    }
    this.prefix = prefix;
    this.prefixLength = utf8Length(prefix);
  }

  /**
   * The wire bytes of {@code key}.
   *
   * @throws IllegalArgumentException if the key is null, empty, too long or holds whitespace or control
   *     characters
   */
  byte[] encode(String key) {
    if (key == null || key.isEmpty() || !(isPrintableAscii(key) || isClean(key))) {
      throw new IllegalArgumentException("key: '" + printable(key) + "' " + EXPECTED);
    }
    byte[] bytes = (prefixLength == 0 ? key : prefix + key).getBytes(StandardCharsets.UTF_8);
    if (bytes.length > TextRequestDecoder.MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "key: '" + printable(key) + "' is " + bytes.length + " bytes with its prefix " + EXPECTED);
    }
    return bytes;
  }

  /**
   * The bytes that choose the server: the key without the prefix, as libmemcached and pymemcache
   * hash it, so that clients with and without a prefix agree on placement.
   */
  byte[] routingKey(byte[] wireKey) {
    return prefixLength == 0 ? wireKey : Arrays.copyOfRange(wireKey, prefixLength, wireKey.length);
  }

  /** The common case, checked without the code-point stream of {@link #isClean}: every char is '!'..'~'. */
  private static boolean isPrintableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean isClean(String text) {
    return text.codePoints().noneMatch(c ->
        Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
            || Character.getType(c) == Character.SURROGATE);
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The key for an error message: control characters escaped, cut after 100 characters. */
  private static String printable(String key) {
    if (key == null) {
      return "null";
    }
    StringBuilder text = new StringBuilder();
    key.codePoints().limit(100).forEach(c -> {
      if (Character.isISOControl(c)) {
        text.append(String.format("\\u%04x", c));
      } else {
        text.appendCodePoint(c);
      }
    });
    return key.codePointCount(0, key.length()) > 100 ? text + "..." : text.toString();
  }
}
