package dev.larder.client.transcoder;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The zlib format (RFC 1950) of Python's {@code zlib.compress} and {@code zlib.decompress}, which
 * pymemcache's {@code CompressedSerde} uses by default.
 */
final class Zlib {
  private static final int CHUNK = 8192;

  private Zlib() {}

  /** {@code bytes} compressed at zlib's default level, as {@code zlib.compress(bytes)}. */
  static byte[] compress(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 16);
      byte[] chunk = new byte[CHUNK];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * The bytes {@code compressed} holds, refusing to produce more than {@code maxLength} bytes so
   * that a small stored value cannot expand to fill the heap. Bytes after the end of the zlib
   * stream are ignored, as {@code zlib.decompress} ignores them.
   */
  static byte[] decompress(byte[] compressed, int maxLength) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      int expectedLength = (int) Math.min(maxLength, compressed.length * 4L);
      ByteArrayOutputStream out = new ByteArrayOutputStream(expectedLength);
      byte[] chunk = new byte[CHUNK];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new TranscodingException("compressed value is truncated or needs a preset dictionary");
        }
        if (out.size() + n > maxLength) {
          throw new TranscodingException("decompressed length: more than " + maxLength
              + " bytes (expected: <= " + maxLength + ", the maxDecompressedLength)");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new TranscodingException("compressed value is not in zlib format", e);
    } finally {
      inflater.end();
    }
  }
}
