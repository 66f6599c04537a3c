package dev.larder.storage;

import java.nio.ByteBuffer;

/**
 * An item's value kept where it is in engine memory, unchanged, until closed ({@link ItemView#pin}):
 * a server can then send it to a client straight from there after the lookup, with no copy. The
 * engine reuses none of the memory a pin holds, so a pin is closed as soon as the value is sent.
 */
public interface PinnedValue extends AutoCloseable {
  /** The value's bytes from position to limit: a read-only buffer of its own. */
  ByteBuffer bytes();

  /** Lets the engine reuse the value's memory; the bytes must not be read after this. */
  @Override
  void close();
}
