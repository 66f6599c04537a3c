package dev.larder.protocol.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The keys of a retrieval command, each a range of one array, so that reading a get copies no key:
 * {@link TextRequestDecoder} points them into its copy of the command line and reuses one instance
 * for every retrieval it reads, which is why they are valid only until its next {@code decode}.
 */
public final class RetrievalKeys {
  private static final byte[] NO_LINE = new byte[0];
  private static final int INITIAL_CAPACITY = 16;
  /** Key ranges kept for reuse: a rare huge multi-get leaves no large arrays behind. */
  private static final int REUSED_CAPACITY = 1024;

  private byte[] line = NO_LINE;
  private int[] offsets = new int[INITIAL_CAPACITY];
  private int[] lengths = new int[INITIAL_CAPACITY];
  private int size;

  RetrievalKeys() {}

  /** Keys that own their array, one after another: for a request built rather than decoded. */
  public static RetrievalKeys of(List<byte[]> keys) {
    RetrievalKeys packed = new RetrievalKeys();
    int total = 0;
    for (byte[] key : keys) {
      total += key.length;
    }
    packed.line = new byte[total];
    int at = 0;
    for (byte[] key : keys) {
      System.arraycopy(key, 0, packed.line, at, key.length);
      packed.add(at, key.length);
      at += key.length;
    }
    return packed;
  }

  /** How many keys there are. */
  public int size() {
    return size;
  }

  /** The array every key is a range of. */
  public byte[] line() {
    return line;
  }

  /** Where key {@code index} starts in {@link #line}. */
  public int offset(int index) {
    return offsets[index];
  }

  /** How many bytes key {@code index} has. */
  public int length(int index) {
    return lengths[index];
  }

  /** Key {@code index} in an array of its own. */
  public byte[] copy(int index) {
    return Arrays.copyOfRange(line, offsets[index], offsets[index] + lengths[index]);
  }

  /** Starts over with no keys, in {@code newLine}. */
  void reset(byte[] newLine) {
    line = newLine;
    size = 0;
  }

  /** Drops every key and the line, which may be a huge one of its own. */
  void clear() {
    reset(NO_LINE);
    if (offsets.length > REUSED_CAPACITY) {
      offsets = new int[INITIAL_CAPACITY];
      lengths = new int[INITIAL_CAPACITY];
    }
  }

  /** Appends the key {@code line[offset..offset + length)}. */
  void add(int offset, int length) {
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
    }
    offsets[size] = offset;
    lengths[size] = length;
    size++;
  }

  /** The keys as text, for messages. */
  @Override
  public String toString() {
    StringJoiner keys = new StringJoiner(" ", "[", "]");
    for (int i = 0; i < size; i++) {
      keys.add(new String(line, offsets[i], lengths[i], StandardCharsets.ISO_8859_1));
    }
    return keys.toString();
  }
}
