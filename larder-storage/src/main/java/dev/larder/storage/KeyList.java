package dev.larder.storage;

/**
 * The keys of a multi-key lookup ({@link CacheEngine#getAll}), each a range of a byte array, so that a
 * caller holding its keys in one buffer, as a protocol decoder holds a command line, need not copy
 * each into an array of its own.
 */
public interface KeyList {
  /** How many keys there are. */
  int size();

  /** The array that holds key {@code index}. */
  byte[] array(int index);

  /** Where key {@code index} starts in its array. */
  int offset(int index);

  /** How many bytes key {@code index} has. */
  int length(int index);
}
