package dev.larder.protocol.text;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.ValueReader;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One request of memcached's text protocol as {@link TextRequestDecoder} parsed it, including the
 * requests that failed to parse: those carry the error reply memcached sends, so that the executor
 * answers them in order with the replies of pipelined requests.
 *
 * <p>Numbers hold exactly what memcached 1.6.18 keeps after parsing: flags are 32-bit unsigned values
 * in an {@code int}, exptimes are the 32-bit signed values memcached truncates them to, deltas and CAS
 * uniques are 64-bit unsigned values in a {@code long}. Keys and data must not be modified; those of
 * {@link Retrieve}, the {@link KeyCommand}s and the {@link MetaRequest}s that name one key are ranges of
 * the decoder's buffers, valid until its next {@code decode} (as are a meta request's flags), and the
 * others are owned by the request. {@code noreply} says that memcached would send no reply.
 */
public sealed interface TextRequest {

  /**
   * {@code get}, {@code gets}, {@code gat} and {@code gats}. A decoder fills one {@code Retrieve} it
   * keeps, its keys ranges of the line, so it is valid until the decoder's next {@code decode}.
   */
  final class Retrieve implements TextRequest {
    private final RetrievalKeys keys;
    private boolean returnCas;
    private boolean touch;
    private long exptime;
    private boolean tooLongKeyFollows;
    private boolean last = true;

    /**
     * A whole get line, or its last part.
     *
     * @param returnCas whether VALUE lines carry the CAS unique ({@code gets}, {@code gats})
     * @param touch whether each hit's exptime is set to {@code exptime} ({@code gat}, {@code gats})
     * @param exptime the new exptime for {@code gat}/{@code gats}; 0 otherwise
     * @param keys the keys to look up, in order
     * @param tooLongKeyFollows a key over 250 bytes came after {@code keys}: memcached looks the earlier
     *     keys up, then drops their VALUE lines (and any replies it has not yet flushed) and answers
     *     {@code CLIENT_ERROR bad command line format} instead of {@code END}
     */
    public Retrieve(boolean returnCas, boolean touch, long exptime, RetrievalKeys keys, boolean tooLongKeyFollows) {
      this(returnCas, touch, exptime, keys, tooLongKeyFollows, true);
    }

    /**
     * A part of a get line with many keys, which a decoder hands over a few keys at a time ({@link
     * dev.larder.protocol.ReplyParts}), so that the reply is written a part at a time as the client
     * reads it; {@code last} for the last part, whose reply ends in {@code END}.
     */
    public Retrieve(boolean returnCas, boolean touch, long exptime, RetrievalKeys keys, boolean tooLongKeyFollows,
        boolean last) {
      this.keys = keys;
      set(returnCas, touch, exptime, tooLongKeyFollows);
      this.last = last;
    }

    void set(boolean newReturnCas, boolean newTouch, long newExptime, boolean newTooLongKeyFollows) {
      returnCas = newReturnCas;
      touch = newTouch;
      exptime = newExptime;
      tooLongKeyFollows = newTooLongKeyFollows;
    }

    public boolean returnCas() {
      return returnCas;
    }

    public boolean touch() {
      return touch;
    }

    public long exptime() {
      return exptime;
    }

    public RetrievalKeys keys() {
      return keys;
    }

    public boolean tooLongKeyFollows() {
      return tooLongKeyFollows;
    }

    /** Whether this is the whole get line or its last part, whose reply ends the get's. */
    public boolean last() {
      return last;
    }

    void last(boolean isLast) {
      last = isLast;
    }

    @Override
    public String toString() {
      return "Retrieve[" + (touch ? "gat" + (returnCas ? "s " : " ") + exptime : returnCas ? "gets" : "get") + " "
          + keys + (tooLongKeyFollows ? " and a key too long" : "") + (last ? "" : " and more keys") + "]";
    }
  }

  /**
   * A command on one key: a storage command, delete, incr/decr or touch. A decoded one's key is a range
   * of the decoder's line, and the decoder fills the same object again for its next command of that
   * kind, so it is valid until the decoder's next {@code decode}; one built by hand owns its key.
   */
  abstract sealed class KeyCommand implements TextRequest permits Store, Delete, IncrDecr, Touch {
    private final ByteRange key = new ByteRange();
    private boolean noreply;

    /** The key is {@code line[keyOffset..keyOffset + keyLength)}. */
    void setKey(byte[] line, int keyOffset, int keyLength, boolean newNoreply) {
      key.set(line, keyOffset, keyLength);
      noreply = newNoreply;
    }

    public ByteRange key() {
      return key;
    }

    public boolean noreply() {
      return noreply;
    }

    /** Lets go of the arrays the request points into. */
    void clear() {
      key.clear();
    }

    /** The command's name, key and arguments, for messages. */
    String describe(String arguments) {
      return getClass().getSimpleName() + "[" + key + arguments + (noreply ? " noreply" : "") + "]";
    }
  }

  /**
   * A storage command with its data block, which ended in {@code \r\n} as it must; when decoded, its
   * data is in the decoder's buffer or the connection's inbound bytes ({@link ValueReader}).
   */
  final class Store extends KeyCommand {
    private ByteBuffer data = ValueReader.NO_VALUE;
    private StorageCommand command;
    private int flags;
    private long exptime;
    private long casUnique;

    /** A request with a key and data of their own, built rather than decoded. */
    public Store(
        StorageCommand command, byte[] key, int flags, long exptime, byte[] data, long casUnique, boolean noreply) {
      setLine(command, key, 0, key.length, flags, exptime, casUnique, noreply);
      this.data = ByteBuffer.wrap(data);
    }

    /** An empty one, for a decoder to fill. */
    Store() {}

    /** What the command line says; the key is {@code line[keyOffset..keyOffset + keyLength)}. */
    void setLine(StorageCommand newCommand, byte[] line, int keyOffset, int keyLength, int newFlags, long newExptime,
        long newCasUnique, boolean newNoreply) {
      setKey(line, keyOffset, keyLength, newNoreply);
      command = newCommand;
      flags = newFlags;
      exptime = newExptime;
      casUnique = newCasUnique;
    }

    public StorageCommand command() {
      return command;
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

    /** The data block: the bytes between the buffer's position and limit, to be read, not moved. */
    public ByteBuffer data() {
      return data;
    }

    void setData(ByteBuffer block) {
      data = block;
    }

    @Override
    void clear() {
      super.clear();
      data = ValueReader.NO_VALUE;
    }

    @Override
    public String toString() {
      return describe(" " + command + " flags=" + Integer.toUnsignedString(flags) + " exptime=" + exptime + " bytes="
          + data.remaining() + " cas=" + Long.toUnsignedString(casUnique));
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

  /** {@code delete <key>}. */
  final class Delete extends KeyCommand {
    /** A request built rather than decoded. */
    public Delete(byte[] key, boolean noreply) {
      setKey(key, 0, key.length, noreply);
    }

    /** An empty one, for a decoder to fill. */
    Delete() {}

    @Override
    public String toString() {
      return describe("");
    }
  }

  /** {@code incr} (increment true) or {@code decr}; the delta is a 64-bit unsigned value. */
  final class IncrDecr extends KeyCommand {
    private boolean increment;
    private long delta;

    /** A request built rather than decoded. */
    public IncrDecr(boolean increment, byte[] key, long delta, boolean noreply) {
      setKey(key, 0, key.length, noreply);
      set(increment, delta);
    }

    /** An empty one, for a decoder to fill. */
    IncrDecr() {}

    void set(boolean newIncrement, long newDelta) {
      increment = newIncrement;
      delta = newDelta;
    }

    public boolean increment() {
      return increment;
    }

    public long delta() {
      return delta;
    }

    @Override
    public String toString() {
      return describe((increment ? " +" : " -") + Long.toUnsignedString(delta));
    }
  }

  /** {@code touch <key> <exptime>}. */
  final class Touch extends KeyCommand {
    private long exptime;

    /** A request built rather than decoded. */
    public Touch(byte[] key, long exptime, boolean noreply) {
      setKey(key, 0, key.length, noreply);
      this.exptime = exptime;
    }

    /** An empty one, for a decoder to fill. */
    Touch() {}

    void setExptime(long newExptime) {
      exptime = newExptime;
    }

    public long exptime() {
      return exptime;
    }

    @Override
    public String toString() {
      return describe(" exptime=" + exptime);
    }
  }

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
