package dev.larder.storage;

import java.util.List;

/**
 * A {@link KeyList} that packs its keys into one array, as a command line holds them: after a stray
 * first byte and with a space between keys, so that lookups see keys at odd offsets of a shared array.
 */
final class PackedKeys implements KeyList {
  private final byte[] line;
  private final int[] offsets;
  private final int[] lengths;

  PackedKeys(List<byte[]> keys) {
    offsets = new int[keys.size()];
    lengths = new int[keys.size()];
    int size = 1;
    for (byte[] key : keys) {
      size += key.length + 1;
    }
    line = new byte[size];
    line[0] = '!';
    int at = 1;
    for (int i = 0; i < keys.size(); i++) {
      byte[] key = keys.get(i);
      System.arraycopy(key, 0, line, at, key.length);
      offsets[i] = at;
      lengths[i] = key.length;
      at += key.length;
      line[at++] = ' ';
    }
  }

  @Override
  public int size() {
    return offsets.length;
  }

  @Override
  public byte[] array(int index) {
    return line;
  }

  @Override
  public int offset(int index) {
    return offsets[index];
  }

  @Override
  public int length(int index) {
    return lengths[index];
  }
}
