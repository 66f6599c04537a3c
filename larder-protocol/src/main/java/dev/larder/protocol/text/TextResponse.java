package dev.larder.protocol.text;

/**
 * One reply of memcached's text protocol as {@link TextResponseDecoder} parsed it on the client side.
 * A command's answer is one of these, or for retrievals and {@code stats} a run of {@link Value}s or
 * {@link Stat}s closed by {@link Status#END}. The meta commands ({@code mg ms md mn}), which share the
 * connection with the text commands, get one {@link Meta} reply each.
 *
 * <p>Numbers hold what memcached sends: flags are 32-bit unsigned values in an {@code int}; CAS uniques
 * and incr/decr results are 64-bit unsigned values in a {@code long}. Arrays are owned by the response
 * and must not be modified.
 */
public sealed interface TextResponse {

  /**
   * {@code VALUE <key> <flags> <bytes>[ <cas>]} and its data block.
   *
   * @param key the key as the server sent it
   * @param flags the item's flags
   * @param data the value
   * @param cas the CAS unique; 0 when {@code hasCas} is false
   * @param hasCas whether the line carried a CAS unique ({@code gets}, {@code gats})
   */
  record Value(byte[] key, int flags, byte[] data, long cas, boolean hasCas) implements TextResponse {}

  /** The one-word replies; {@link #END} closes the replies of a retrieval or {@code stats}. */
  enum Status implements TextResponse {
    STORED,
    NOT_STORED,
    EXISTS,
    NOT_FOUND,
    DELETED,
    TOUCHED,
    OK,
    RESET,
    END
  }

  /** The new value after {@code incr}/{@code decr}, a 64-bit unsigned number. */
  record Number(long value) implements TextResponse {}

  /** {@code VERSION <version>}. */
  record Version(String version) implements TextResponse {}

  /** {@code STAT <name> <value>}; the value is the rest of the line. */
  record Stat(String name, String value) implements TextResponse {}

  /**
   * {@code ERROR}, {@code CLIENT_ERROR <message>} or {@code SERVER_ERROR <message>}: the command was
   * refused and this is its only reply.
   *
   * @param kind which of the three
   * @param message what followed the first word; empty when nothing did
   */
  record Error(ErrorKind kind, String message) implements TextResponse {}

  /** Who memcached blames. */
  enum ErrorKind {
    /** {@code ERROR}: an unknown or malformed command. */
    ERROR,
    /** {@code CLIENT_ERROR}: the client sent something the server refuses. */
    CLIENT_ERROR,
    /** {@code SERVER_ERROR}: the server could not do it (out of memory, object too large...). */
    SERVER_ERROR
  }

  /**
   * A reply to a meta command: its code, the return flags a client acts on, and for {@link MetaCode#VA}
   * the data block. Return flags other than {@code f c W X Z} (such as {@code k}, {@code O}, {@code t})
   * are skipped; flags not returned read as 0 or false.
   *
   * @param code the two-letter reply code
   * @param data the value of a {@code VA} reply; empty for every other code
   * @param flags {@code f}: the item's client flags, a 32-bit unsigned value
   * @param cas {@code c}: the item's CAS unique, a 64-bit unsigned value
   * @param win {@code W}: this client won the right to store a new value (a miss it vivified, a stale
   *     item, or an item due for early recache)
   * @param stale {@code X}: the item was invalidated and its value is stale
   * @param winSent {@code Z}: another client already won and is expected to store a new value
   */
  record Meta(MetaCode code, byte[] data, int flags, long cas, boolean win, boolean stale, boolean winSent)
      implements TextResponse {}

  /** The reply codes of the meta protocol. */
  enum MetaCode {
    /** A value follows: {@code VA <size> <flags>*} and the data block. */
    VA,
    /** Success, no value. */
    HD,
    /** {@code mg}: a miss. */
    EN,
    /** Not found: {@code md}, or {@code ms} with a CAS for a missing item. */
    NF,
    /** Not stored: {@code ms} whose mode's condition failed (add of an existing item...). */
    NS,
    /** Exists: the CAS given did not match the item's. */
    EX,
    /** The reply to {@code mn}. */
    MN
  }
}
