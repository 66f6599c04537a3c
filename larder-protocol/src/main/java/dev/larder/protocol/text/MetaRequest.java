package dev.larder.protocol.text;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.ReplyParts;
import dev.larder.protocol.ValueReader;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One meta command as the text decoder parsed it. Keys are the bytes the command names: already
 * decoded when sent in base64 ({@link MetaFlags#base64Key}). Lines memcached refuses while parsing do
 * not become a {@code MetaRequest}: they are {@link TextRequest.ErrorReply}s.
 *
 * <p>A decoder reads every line's flags into one {@link MetaFlags} it keeps, and fills one {@link Get},
 * {@link Set}, {@link Delete} and {@link Arithmetic} it keeps, their keys and data ranges of its
 * buffers, and one {@link Gets}, which holds copies: a decoded request is valid until the decoder's
 * next {@code decode}.
 */
public sealed interface MetaRequest {

  /** A request whose key is a range of an array: a decoder's buffer, or an array of the key's own. */
  abstract sealed class Keyed implements MetaRequest permits Get, Set, Delete, Arithmetic {
    private final ByteRange key;
    private final MetaFlags flags;

    Keyed(ByteRange key, MetaFlags flags) {
      this.key = key;
      this.flags = flags;
    }

    public ByteRange key() {
      return key;
    }

    public MetaFlags flags() {
      return flags;
    }
  }

  /** {@code mg <key> <flags>*}. */
  final class Get extends Keyed {
    /** A request built rather than decoded. */
    public Get(byte[] key, MetaFlags flags) {
      super(ByteRange.of(key), flags);
    }

    /** A request whose key and flags a decoder points anew for each line. */
    Get(ByteRange key, MetaFlags flags) {
      super(key, flags);
    }
  }

  /**
   * A run of {@code mg} lines that arrived together, for the engine to look up in one pass: up to
   * {@link ReplyParts#keysPerPart} valid lines, each answered as if alone, in order. Each get is a
   * copy, its key and flags in arrays of the run's own, kept for the connection's later runs.
   */
  final class Gets implements MetaRequest {
    private Copy[] copies = new Copy[0];
    private int size;

    void clear() {
      size = 0;
    }

    /** Appends a copy of {@code get}. */
    void add(Get get) {
      if (size == copies.length) {
        copies = Arrays.copyOf(copies, Math.min(ReplyParts.MAX_KEYS, Math.max(4, size * 2)));
      }
      if (copies[size] == null) {
        copies[size] = new Copy();
      }
      copies[size++].copy(get);
    }

    public int size() {
      return size;
    }

    public Get get(int index) {
      return copies[index].get;
    }

    /** A get in arrays of its own, reused for the get at its index in later runs. */
    private static final class Copy {
      private final byte[] keyBytes = new byte[TextRequestDecoder.MAX_KEY_LENGTH];
      private final byte[] opaqueBytes = new byte[MetaCommandParser.MAX_OPAQUE_LENGTH];
      private final ByteRange key = new ByteRange();
      private final MetaFlags flags = new MetaFlags(MetaCommandParser.MAX_TOKENS);
      private final Get get = new Get(key, flags);

      /** Copies a get that passed the parser's checks, whose key and opaque token fit their limits. */
      void copy(Get from) {
        ByteRange fromKey = from.key();
        System.arraycopy(fromKey.array(), fromKey.offset(), keyBytes, 0, fromKey.length());
        key.set(keyBytes, 0, fromKey.length());
        flags.copyFrom(from.flags(), opaqueBytes);
      }
    }
  }

  /** {@code ms <key> <datalen> <flags>*} and its data block, which ended in {@code \r\n}. */
  final class Set extends Keyed {
    private ByteBuffer data = ValueReader.NO_VALUE;

    /** A request built rather than decoded. */
    public Set(byte[] key, byte[] data, MetaFlags flags) {
      super(ByteRange.of(key), flags);
      this.data = ByteBuffer.wrap(data);
    }

    /** A request whose key, flags and data a decoder points anew for each line. */
    Set(ByteRange key, MetaFlags flags) {
      super(key, flags);
    }

    /** The data block: the bytes between the buffer's position and limit, to be read, not moved. */
    public ByteBuffer data() {
      return data;
    }

    void setData(ByteBuffer block) {
      data = block;
    }
  }

  /**
   * An {@code ms} whose declared length is over the decoder's value limit: its data block is dropped
   * as it arrives; memcached answers {@code SERVER_ERROR object too large for cache} (even with
   * {@code q}) and removes the item under the key.
   */
  record SetTooLarge(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code md <key> <flags>*}. */
  final class Delete extends Keyed {
    /** A request built rather than decoded. */
    public Delete(byte[] key, MetaFlags flags) {
      super(ByteRange.of(key), flags);
    }

    /** A request whose key and flags a decoder points anew for each line. */
    Delete(ByteRange key, MetaFlags flags) {
      super(key, flags);
    }
  }

  /** {@code ma <key> <flags>*}. */
  final class Arithmetic extends Keyed {
    /** A request built rather than decoded. */
    public Arithmetic(byte[] key, MetaFlags flags) {
      super(ByteRange.of(key), flags);
    }

    /** A request whose key and flags a decoder points anew for each line. */
    Arithmetic(ByteRange key, MetaFlags flags) {
      super(key, flags);
    }
  }

  /** {@code mn}: answered {@code MN}, so a client knows every reply before it has arrived. */
  record Noop() implements MetaRequest {}

  /** {@code me <key> [b]}: a debug line about the item. */
  record Debug(byte[] key, boolean base64Key) implements MetaRequest {}
}
