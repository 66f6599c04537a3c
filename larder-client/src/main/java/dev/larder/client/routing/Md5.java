package dev.larder.client.routing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 as ketama reads it: a digest is four little-endian 32-bit points. */
final class Md5 {
  /** How many 32-bit points one digest holds. */
  static final int POINTS_PER_DIGEST = 4;

  private Md5() {}

  /** The 16-byte MD5 digest of {@code data}. */
  static byte[] digest(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide MD5", e);
    }
  }

  /** Point {@code index} (0..3) of {@code digest}: its bytes 4*index..4*index+3, little-endian. */
  static int point(byte[] digest, int index) {
    int at = index * 4;
    return (digest[at] & 0xff)
        | (digest[at + 1] & 0xff) << 8
        | (digest[at + 2] & 0xff) << 16
        | (digest[at + 3] & 0xff) << 24;
  }
}
