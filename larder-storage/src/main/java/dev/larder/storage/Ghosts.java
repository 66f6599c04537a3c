package dev.larder.storage;

import java.nio.ByteBuffer;

/**
 * The keys a shard recently evicted from its small queue unread: S3-FIFO's ghost queue. It is a
 * direct-mapped table in direct memory taken from the shard's budget, allocated when the first key
 * is remembered: each place holds a 32-bit fingerprint of a key's hash and when it was remembered,
 * counted in remembered keys. A key lands in one place, overwriting what was there. A key counts as
 * a ghost only if no more than a given number of keys were remembered after it, which makes the
 * table a FIFO of that length (S3-FIFO uses the main queue's length) whatever its size. A false
 * match (about one in 2^32) only sends a new key to the main queue. Not thread-safe: the shard's
 * lock guards it.
 */
final class Ghosts {
  private static final int PLACE_BYTES = Long.BYTES;

  private final int bytes;
  private ByteBuffer table;
  private int remembered;

  /** A table of {@code bytes} bytes; 0 makes one that remembers nothing. */
  Ghosts(int bytes) {
    this.bytes = bytes;
  }

  int bytes() {
    return bytes;
  }

  void remember(long hash) {
    if (bytes < PLACE_BYTES) {
      return;
    }
    if (table == null) {
      table = ByteBuffer.allocateDirect(bytes);
    }
    table.putLong(placeOf(hash), (long) fingerprint(hash) << 32 | Integer.toUnsignedLong(++remembered));
  }

  /** Whether the key with {@code hash} is among the last {@code within} remembered, forgetting it. */
  boolean forget(long hash, long within) {
    if (table == null) {
      return false;
    }
    int place = placeOf(hash);
    long entry = table.getLong(place);
    if ((int) (entry >>> 32) != fingerprint(hash) || Integer.toUnsignedLong(remembered - (int) entry) > within) {
      return false;
    }
    table.putLong(place, 0);
    return true;
  }

  /** Forgets every key and lets the table's memory go, for a closed engine. */
  void clear() {
    table = null;
  }

  /** The low 32 bits of the hash pick the place. */
  private int placeOf(long hash) {
    return (int) ((hash & 0xFFFF_FFFFL) * (bytes / PLACE_BYTES) >>> 32) * PLACE_BYTES;
  }

  /** The high 32 bits, never 0 (an empty place). */
  private static int fingerprint(long hash) {
    return (int) (hash >>> 32) | 1;
  }
}
