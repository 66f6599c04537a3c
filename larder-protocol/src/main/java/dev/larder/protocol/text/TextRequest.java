package dev.larder.protocol.text;

import dev.larder.protocol.ByteRange;
import java.util.List;

/**
 * One request of memcached's text protocol as {@link TextRequestDecoder} parsed it, including the
 * requests that failed to parse: those carry the error reply memcached sends, so that the executor
 * answers them in order with the replies of pipelined requests.
 *
 * <p>Numbers hold exactly what memcached 1.6.18 keeps after parsing: flags are 32-bit unsigned values
 * in an {@code int}, exptimes are the 32-bit signed values memcached truncates them to, deltas and CAS
 * uniques are 64-bit unsigned values in a {@code long}. Keys and data must not be modified; those of
 * {@link Retrieve}, {@link Store} and {@link MetaRequest}'s get and set are ranges of the decoder's
 * buffers, valid until its next {@code decode} (as are a meta request's flags), and the others are
 * owned by the request. {@code noreply} says that memcached would send no reply.
 */
public sealed interface TextRequest {

  /**
   * {@code get}, {@code gets}, {@code gat} and {@code gats}.
   *
   * @param returnCas whether VALUE lines carry the CAS unique ({@code gets}, {@code gats})
   * @param touch whether each hit's exptime is set to {@code exptime} ({@code gat}, {@code gats})
   * @param exptime the new exptime for {@code gat}/{@code gats}; 0 otherwise
   * @param keys the keys to look up, in order; a decoded request's are valid until the decoder's next
   *     {@code decode}, and a decoder may return the same request object again with other keys
   * @param tooLongKeyFollows a key over 250 bytes came after {@code keys}: memcached looks the earlier
   *     keys up, then drops their VALUE lines (and any replies it has not yet flushed) and answers
   *     {@code CLIENT_ERROR bad command line format} instead of {@code END}
   */
  record Retrieve(boolean returnCas, boolean touch, long exptime, RetrievalKeys keys, boolean tooLongKeyFollows)
      implements TextRequest {}

  /**
   * A storage command with its data block, which ended in {@code \r\n} as it must. Its key and data are
   * ranges of arrays: a decoded one's are the decoder's buffers, and the decoder fills the same object
   * again for its next storage command, so it is valid until the decoder's next {@code decode}.
   */
  final class Store implements TextRequest {
    private final ByteRange key = new ByteRange();
    private final ByteRange data = new ByteRange();
    private StorageCommand command;
    private int flags;
    private long exptime;
    private long casUnique;
    private boolean noreply;

    /** A request with a key and data of their own, built rather than decoded. */
    public Store(
        StorageCommand command, byte[] key, int flags, long exptime, byte[] data, long casUnique, boolean noreply) {
      setLine(command, key, 0, key.length, flags, exptime, casUnique, noreply);
      this.data.set(data, 0, data.length);
    }

    /** An empty one, for a decoder to fill. */
    Store() {}

    /** What the command line says; the key is {@code line[keyOffset..keyOffset + keyLength)}. */
    void setLine(StorageCommand newCommand, byte[] line, int keyOffset, int keyLength, int newFlags, long newExptime,
        long newCasUnique, boolean newNoreply) {
      command = newCommand;
      key.set(line, keyOffset, keyLength);
      flags = newFlags;
      exptime = newExptime;
      casUnique = newCasUnique;
      noreply = newNoreply;
    }

    public StorageCommand command() {
      return command;
    }

    public ByteRange key() {
      return key;
    }

    public int flags() {
      return flags;
    }

    public long exptime() {
      return exptime;
    }

    public long casUnique() {
      return casUnique;
    }

    public boolean noreply() {
      return noreply;
    }

    /** The data block; a decoder reads it into a buffer of its own. */
    public ByteRange data() {
      return data;
    }

    /** Lets go of the key's and the data's arrays. */
    void clear() {
      key.clear();
      data.clear();
    }

    @Override
    public String toString() {
      return "Store[" + command + " " + key + " flags=" + Integer.toUnsignedString(flags) + " exptime=" + exptime
          + " bytes=" + data.length() + " cas=" + Long.toUnsignedString(casUnique) + (noreply ? " noreply" : "") + "]";
    }
  }

  /**
   * A storage command whose declared length is over the decoder's value limit. Its data block is
   * swallowed by the decoder as it arrives; memcached answers {@code SERVER_ERROR object too large for
   * cache} (unless noreply) and, for {@code set}, removes the old item under the key.
   */
  record ValueTooLarge(StorageCommand command, byte[] key, boolean noreply) implements TextRequest {}

  /**
   * A storage command whose data block did not end in {@code \r\n}: answered {@code CLIENT_ERROR bad
   * data chunk} (unless noreply), counted as a set, and nothing is stored.
   */
  record BadDataChunk(StorageCommand command, boolean noreply) implements TextRequest {}

  record Delete(byte[] key, boolean noreply) implements TextRequest {}

  /** {@code incr} (increment true) or {@code decr}. */
  record IncrDecr(boolean increment, byte[] key, long delta, boolean noreply) implements TextRequest {}

  record Touch(byte[] key, long exptime, boolean noreply) implements TextRequest {}

  /** {@code flush_all [delay]}; {@code delay} is 0 when absent and follows the exptime rules when positive. */
  record FlushAll(long delay, boolean noreply) implements TextRequest {}

  /**
   * {@code flush_all} with a delay that is not a number: memcached counts it in {@code cmd_flush} and
   * answers {@code CLIENT_ERROR invalid exptime argument} (unless noreply).
   */
  record InvalidFlushAll(boolean noreply) implements TextRequest {}

  record Version() implements TextRequest {}

  /** {@code verbosity <level>}; {@code level} is a 32-bit unsigned value. */
  record Verbosity(long level, boolean noreply) implements TextRequest {}

  record Quit() implements TextRequest {}

  /** {@code stats [args...]}: the tokens after {@code stats}. */
  record Stats(List<String> args) implements TextRequest {}

  /** {@code cache_memlimit <megabytes>}; {@code megabytes} is a 32-bit unsigned value. */
  record CacheMemlimit(long megabytes, boolean noreply) implements TextRequest {}

  /** {@code shutdown [graceful]}. */
  record Shutdown(ShutdownMode mode) implements TextRequest {}

  /** What followed {@code shutdown}. */
  enum ShutdownMode {
    /** {@code shutdown}. */
    IMMEDIATE,
    /** {@code shutdown graceful}. */
    GRACEFUL,
    /** Anything else: answered {@code CLIENT_ERROR invalid shutdown mode} when shutdown is enabled. */
    INVALID
  }

  /** A meta protocol command ({@code mg ms md ma mn me}) that parsed. */
  record Meta(MetaRequest request) implements TextRequest {}

  /**
   * A request memcached refuses with a fixed reply line and no other effect.
   *
   * @param line the whole reply, {@code \r\n} included (one of {@link TextReplies}' constants)
   * @param noreply whether memcached suppresses it
   */
  record ErrorReply(byte[] line, boolean noreply) implements TextRequest {}

  /** Input after which memcached closes the connection without a reply. */
  record Close(CloseReason reason) implements TextRequest {}

  /** Why the decoder asks for the connection to be closed. */
  enum CloseReason {
    /** More than {@link TextRequestDecoder#MAX_UNTERMINATED_LINE} bytes with no newline, not a get. */
    LINE_TOO_LONG,
    /** A get line longer than {@link TextRequestDecoder#MAX_GET_LINE}. */
    GET_LINE_TOO_LONG,
    /** An unknown command whose last token starts with {@code HTTP/}: a web client. */
    HTTP_REQUEST
  }
}
