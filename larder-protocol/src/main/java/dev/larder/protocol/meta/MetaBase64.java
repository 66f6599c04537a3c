package dev.larder.protocol.meta;

import java.util.Arrays;
import java.util.Base64;

/**
 * Keys in base64 (meta flag {@code b}), read and written as memcached 1.6.18's {@code base64.c} does.
 * Encoding is standard base64 with padding; decoding is lenient in memcached's way: bytes outside the
 * alphabet are skipped, the rest must come in whole groups of four, and decoding stops after the first
 * padded group.
 */
public final class MetaBase64 {
  private static final int INVALID = -1;
  private static final int[] VALUES = new int[256];

  static {
    Arrays.fill(VALUES, INVALID);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = i;
    }
    VALUES['='] = 0;
  }

  private MetaBase64() {}

  /** The base64 text of {@code key}, as ASCII bytes. */
  public static byte[] encode(byte[] key) {
    return Base64.getEncoder().encode(key);
  }

  /** The bytes that {@code text[offset, offset + length)} encodes, or null where memcached fails. */
  public static byte[] decode(byte[] text, int offset, int length) {
    int count = 0;
    for (int i = offset; i < offset + length; i++) {
      if (VALUES[text[i] & 0xFF] != INVALID) {
        count++;
      }
    }
    if (count == 0 || count % 4 != 0) {
      return null;
    }
    byte[] out = new byte[count / 4 * 3];
    int written = 0;
    int[] block = new int[4];
    int inBlock = 0;
    int padding = 0;
    for (int i = offset; i < offset + length; i++) {
      int value = VALUES[text[i] & 0xFF];
      if (value == INVALID) {
        continue;
      }
      if (text[i] == '=') {
        padding++;
      }
      block[inBlock++] = value;
      if (inBlock == 4) {
        out[written++] = (byte) (block[0] << 2 | block[1] >> 4);
        out[written++] = (byte) (block[1] << 4 | block[2] >> 2);
        out[written++] = (byte) (block[2] << 6 | block[3]);
        inBlock = 0;
        if (padding > 0) {
          if (padding > 2) {
            return null;
          }
          written -= padding;
          break;
        }
      }
    }
    return written == 0 ? null : Arrays.copyOf(out, written);
  }
}
