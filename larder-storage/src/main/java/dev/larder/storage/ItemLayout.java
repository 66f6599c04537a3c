package dev.larder.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How an item is laid out in a segment: a header of 9 bytes for small items, then the key, then the
 * value. No CAS is stored: it is derived from where the item lies (see {@link Segments#casOf}).
 *
 * <pre>
 * byte 0      bits: 0x01 has flags, 0x02 fetched, 0x04 unlinked, 0x08 stale, 0x30 read frequency
 *             (0..3), 0x40 win token sent
 * byte 1      key length
 * 1..3 bytes  value length, a base-128 varint
 * 4 bytes     expiry in Unix seconds, unsigned, 0 for never (always there, so touch works in place)
 * 2 bytes     last access: Unix seconds modulo 2^16 (see {@link #lastAccessMillis})
 * 4 bytes     flags, only when not 0
 * key, value
 * </pre>
 *
 * An item is <em>unlinked</em> once the index no longer points at it (overwritten or removed); its
 * bytes stay until the segment is reclaimed, and the bit lets a segment walk skip it without a lookup.
 * <em>Stale</em> and <em>win token sent</em> are the lease state of {@link EditableItem}.
 */
final class ItemLayout {
  /** Reads a key's bytes as longs in the pages' byte order (direct buffers are big-endian). */
  private static final VarHandle KEY_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  static final int HAS_FLAGS = 0x01;
  static final int FETCHED = 0x02;
  static final int UNLINKED = 0x04;
  static final int STALE = 0x08;
  static final int WIN_TOKEN_SENT = 0x40;
  /** The lease state of {@link EditableItem}. */
  static final int LEASE_BITS = STALE | WIN_TOKEN_SENT;
  /** The bits a new copy of an item may carry over: its use and lease state. */
  static final int COPIED_BITS = FETCHED | LEASE_BITS;
  private static final int FREQUENCY_SHIFT = 4;
  private static final int FREQUENCY_MASK = 0x30;
  static final int MAX_FREQUENCY = 3;
  /** The largest key a header can describe. */
  static final int MAX_KEY_LENGTH = 255;
  private static final long MAX_EXPIRY_SECONDS = 0xFFFF_FFFFL;
  /** The last access is kept to the second, modulo this: ages up to about 18 hours read true. */
  private static final int ACCESS_STAMP_MODULUS = 1 << 16;

  private ItemLayout() {}

  /** The bytes an item takes in a segment. */
  static int size(int keyLength, int valueLength, int flags) {
    return 2 + varintSize(valueLength) + Integer.BYTES + Short.BYTES + (flags != 0 ? Integer.BYTES : 0)
        + keyLength + valueLength;
  }

  /**
   * Writes a fresh item's header and key, {@code key[keyOffset..keyOffset + keyLength)}, at {@code
   * offset}, with the {@link #COPIED_BITS} of {@code bits}, accessed at {@code nowMillis}; returns where
   * its {@code valueLength} value bytes go.
   */
  static int writeHeaderAndKey(ByteBuffer page, int offset, byte[] key, int keyOffset, int keyLength, int flags,
      long expirySeconds, int valueLength, int bits, long nowMillis) {
    int at = offset;
    page.put(at++, (byte) ((flags != 0 ? HAS_FLAGS : 0) | bits & COPIED_BITS));
    page.put(at++, (byte) keyLength);
    for (int rest = valueLength; ; rest >>>= 7) {
      if (rest < 0x80) {
        page.put(at++, (byte) rest);
        break;
      }
      page.put(at++, (byte) (rest & 0x7F | 0x80));
    }
    page.putInt(at, (int) expirySeconds);
    at += Integer.BYTES;
    page.putShort(at, accessStamp(nowMillis));
    at += Short.BYTES;
    if (flags != 0) {
      page.putInt(at, flags);
      at += Integer.BYTES;
    }
    page.put(at, key, keyOffset, keyLength);
    return at + keyLength;
  }

  /** Whether the item at {@code offset} has exactly the key {@code key[keyOffset..keyOffset + keyLength)}. */
  static boolean keyEquals(ByteBuffer page, int offset, byte[] key, int keyOffset, int keyLength) {
    if ((page.get(offset + 1) & 0xFF) != keyLength) {
      return false;
    }
    int at = offset + 2;
    while (page.get(at++) < 0) {
      // skip the value length's varint
    }
    at += Integer.BYTES + Short.BYTES + ((page.get(offset) & HAS_FLAGS) != 0 ? Integer.BYTES : 0);
    // Eight bytes at a time: key comparison is the engine's hottest loop.
    int i = 0;
    for (; i + Long.BYTES <= keyLength; i += Long.BYTES) {
      if (page.getLong(at + i) != (long) KEY_LONGS.get(key, keyOffset + i)) {
        return false;
      }
    }
    for (; i < keyLength; i++) {
      if (page.get(at + i) != key[keyOffset + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Memcached's one-second resolution: an expiry in epoch milliseconds, rounded up to seconds. {@link
   * Expiry#ALREADY_EXPIRED} becomes second 1, which no exptime can mean otherwise, and back.
   */
  static long toSeconds(long expiresAtMillis) {
    return expiresAtMillis == 0 ? 0 : Math.min(MAX_EXPIRY_SECONDS, (expiresAtMillis + 999) / 1000);
  }

  /** The inverse of {@link #toSeconds} for whole seconds. */
  static long toMillis(long expirySeconds) {
    return expirySeconds == 1 ? Expiry.ALREADY_EXPIRED : expirySeconds * 1000;
  }

  /** What the header keeps of an access at {@code nowMillis}. */
  static short accessStamp(long nowMillis) {
    return (short) (nowMillis / 1000);
  }

  /**
   * When an item with {@code stamp} was last accessed, seen at {@code nowMillis}: the latest whole
   * second at or before now that has the stamp, so an age over about 18 hours reads modulo that.
   */
  static long lastAccessMillis(short stamp, long nowMillis) {
    long nowSeconds = nowMillis / 1000;
    return (nowSeconds - ((nowSeconds - (stamp & 0xFFFF)) & (ACCESS_STAMP_MODULUS - 1))) * 1000;
  }

  private static int varintSize(int value) {
    return value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : 4;
  }

  /** A reusable decoder of one item at a time; its fields describe the last item {@link #read}. */
  static final class Cursor {
    ByteBuffer page;
    /** The number of the page, as its owner counts pages. */
    int pageNumber;
    int offset;
    int bits;
    int keyLength;
    int keyOffset;
    int valueLength;
    int valueOffset;
    int expiryOffset;
    /** Unix seconds, 0 for never. */
    long expirySeconds;
    short accessStamp;
    int flags;
    /** The bytes the item takes in its segment. */
    int size;

    Cursor read(ByteBuffer page, int pageNumber, int offset) {
      this.page = page;
      this.pageNumber = pageNumber;
      this.offset = offset;
      bits = page.get(offset) & 0xFF;
      keyLength = page.get(offset + 1) & 0xFF;
      int at = offset + 2;
      valueLength = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = page.get(at++);
        valueLength |= (b & 0x7F) << shift;
        if (b >= 0) {
          break;
        }
      }
      expiryOffset = at;
      expirySeconds = Integer.toUnsignedLong(page.getInt(at));
      at += Integer.BYTES;
      accessStamp = page.getShort(at);
      at += Short.BYTES;
      flags = 0;
      if ((bits & HAS_FLAGS) != 0) {
        flags = page.getInt(at);
        at += Integer.BYTES;
      }
      keyOffset = at;
      valueOffset = at + keyLength;
      size = valueOffset + valueLength - offset;
      return this;
    }

    boolean has(int bit) {
      return (bits & bit) != 0;
    }

    int frequency() {
      return (bits & FREQUENCY_MASK) >>> FREQUENCY_SHIFT;
    }

    long expiresAtMillis() {
      return toMillis(expirySeconds);
    }

    /** Sets {@code bit} in the item's header. */
    void mark(int bit) {
      writeBits(bits | bit);
    }

    /** Counts a read, saturating at {@link #MAX_FREQUENCY}. */
    void countRead() {
      writeFrequency(Math.min(MAX_FREQUENCY, frequency() + 1));
    }

    void writeFrequency(int frequency) {
      writeBits(bits & ~FREQUENCY_MASK | frequency << FREQUENCY_SHIFT);
    }

    void writeExpiry(long seconds) {
      expirySeconds = seconds;
      page.putInt(expiryOffset, (int) seconds);
    }

    /** Records an access at {@code nowMillis}. */
    void writeAccess(long nowMillis) {
      accessStamp = accessStamp(nowMillis);
      page.putShort(expiryOffset + Integer.BYTES, accessStamp);
    }

    private void writeBits(int newBits) {
      bits = newBits;
      page.put(offset, (byte) newBits);
    }
  }
}
