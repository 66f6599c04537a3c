package dev.larder.protocol.text;

/**
 * One reply of memcached's text protocol as {@link TextResponseDecoder} parsed it on the client side.
 * A command's answer is one of these, or for retrievals and {@code stats} a run of {@link Value}s or
 * {@link Stat}s closed by {@link Status#END}.
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
}
