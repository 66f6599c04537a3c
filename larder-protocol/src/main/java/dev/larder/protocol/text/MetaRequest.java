package dev.larder.protocol.text;

import java.util.Arrays;

/**
 * One meta command as the text decoder parsed it. Keys are the bytes the command names: already
 * decoded when sent in base64 ({@link MetaFlags#base64Key}). Lines memcached refuses while parsing do
 * not become a {@code MetaRequest}: they are {@link TextRequest.ErrorReply}s.
 *
 * <p>A decoder reads every line's flags into one {@link MetaFlags} it keeps, and fills one {@link Get}
 * and one {@link Set} it keeps, their keys and data ranges of its buffers: a decoded request is valid
 * until the decoder's next {@code decode}.
 */
public sealed interface MetaRequest {

  /** A request whose key is a range of an array, {@link #keyBytes} from {@link #keyOffset}. */
  abstract sealed class Keyed implements MetaRequest permits Get, Set {
    private byte[] keyBytes;
    private int keyOffset;
    private int keyLength;
    private final MetaFlags flags;

    Keyed(MetaFlags flags) {
      this.flags = flags;
    }

    void setKey(byte[] bytes, int offset, int length) {
      keyBytes = bytes;
      keyOffset = offset;
      keyLength = length;
    }

    public byte[] keyBytes() {
      return keyBytes;
    }

    public int keyOffset() {
      return keyOffset;
    }

    public int keyLength() {
      return keyLength;
    }

    /** The key in an array of its own. */
    public byte[] copyKey() {
      return Arrays.copyOfRange(keyBytes, keyOffset, keyOffset + keyLength);
    }

    public MetaFlags flags() {
      return flags;
    }
  }

  /** {@code mg <key> <flags>*}. */
  final class Get extends Keyed {
    /** A request built rather than decoded. */
    public Get(byte[] key, MetaFlags flags) {
      super(flags);
      setKey(key, 0, key.length);
    }

    /** A request for a decoder to fill, reading its lines' flags into {@code flags}. */
    Get(MetaFlags flags) {
      super(flags);
    }
  }

  /**
   * {@code ms <key> <datalen> <flags>*} and its data block, which ended in {@code \r\n}: {@link #data}
   * from index 0 for {@link #dataLength} bytes.
   */
  final class Set extends Keyed {
    private byte[] data;
    private int dataLength;

    /** A request built rather than decoded. */
    public Set(byte[] key, byte[] data, MetaFlags flags) {
      super(flags);
      setKey(key, 0, key.length);
      setData(data, data.length);
    }

    /** A request for a decoder to fill, reading its lines' flags into {@code flags}. */
    Set(MetaFlags flags) {
      super(flags);
    }

    void setData(byte[] block, int length) {
      data = block;
      dataLength = length;
    }

    public byte[] data() {
      return data;
    }

    public int dataLength() {
      return dataLength;
    }
  }

  /**
   * An {@code ms} whose declared length is over the decoder's value limit: its data block is dropped
   * as it arrives; memcached answers {@code SERVER_ERROR object too large for cache} (even with
   * {@code q}) and removes the item under the key.
   */
  record SetTooLarge(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code md <key> <flags>*}. */
  record Delete(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code ma <key> <flags>*}. */
  record Arithmetic(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code mn}: answered {@code MN}, so a client knows every reply before it has arrived. */
  record Noop() implements MetaRequest {}

  /** {@code me <key> [b]}: a debug line about the item. */
  record Debug(byte[] key, boolean base64Key) implements MetaRequest {}
}
