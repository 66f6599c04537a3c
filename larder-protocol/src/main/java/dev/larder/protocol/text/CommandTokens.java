package dev.larder.protocol.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tokens of one command line, split as memcached's {@code tokenize_command} splits them: on
 * single spaces only (tabs stay inside tokens), runs of spaces collapsed, at most {@link #MAX_TOKENS}
 * - 1 tokens with whatever follows left unsplit. Reused for every line of a connection.
 */
final class CommandTokens {
  /** memcached's {@code MAX_TOKENS}, which counts the terminal token it appends. */
  static final int MAX_TOKENS = 24;

  private final int[] starts = new int[MAX_TOKENS];
  private final int[] lengths = new int[MAX_TOKENS];
  private byte[] line;
  private int count;
  private boolean restRemains;

  /** Splits {@code line[0, length)}; the array is read, never kept past the next call. */
  void tokenize(byte[] newLine, int length) {
    line = newLine;
    count = 0;
    restRemains = false;
    int start = 0;
    int end = 0;
    for (; end < length; end++) {
      if (newLine[end] == ' ') {
        if (start != end) {
          add(start, end);
          if (count == MAX_TOKENS - 1) {
            end++;
            start = end;
            break;
          }
        }
        start = end + 1;
      }
    }
    if (start != end) {
      add(start, end);
    }
    restRemains = end < length;
  }

  /** Lets go of the last line's array. */
  void clear() {
    line = null;
    count = 0;
  }

  private void add(int start, int end) {
    starts[count] = start;
    lengths[count] = end - start;
    count++;
  }

  /** Real tokens. */
  int count() {
    return count;
  }

  /** memcached's {@code ntokens}: the real tokens plus the terminal one, so command checks read alike. */
  int ntokens() {
    return count + 1;
  }

  /** Whether bytes were left unsplit after {@link #MAX_TOKENS} - 1 tokens. */
  boolean restRemains() {
    return restRemains;
  }

  int start(int index) {
    return starts[index];
  }

  int length(int index) {
    return lengths[index];
  }

  /** Where the rest of the line starts after token {@code index} (its end). */
  int end(int index) {
    return starts[index] + lengths[index];
  }

  boolean is(int index, byte[] literal) {
    return Arrays.equals(line, starts[index], end(index), literal, 0, literal.length);
  }

  boolean startsWith(int index, byte[] prefix) {
    return lengths[index] >= prefix.length
        && Arrays.equals(line, starts[index], starts[index] + prefix.length, prefix, 0, prefix.length);
  }

  byte byteAt(int index, int position) {
    return line[starts[index] + position];
  }

  byte[] copy(int index) {
    return Arrays.copyOfRange(line, starts[index], end(index));
  }

  String string(int index) {
    return new String(line, starts[index], lengths[index], StandardCharsets.ISO_8859_1);
  }

  byte[] line() {
    return line;
  }
}
