package dev.larder.protocol.text;

/**
 * The server sent bytes that are not a reply of the text protocol, or not a reply to the command that
 * was sent: the stream can no longer be trusted and the connection is to be closed.
 */
public final class MalformedReplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was wrong, in the form {@code "what: value (expected: ...)"} */
  public MalformedReplyException(String message) {
    super(message);
  }
}
