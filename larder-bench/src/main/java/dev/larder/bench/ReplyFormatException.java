package dev.larder.bench;

/** The server sent something that is not a memcached reply: the connection cannot stay in step. */
public final class ReplyFormatException extends RuntimeException {
  ReplyFormatException(String message) {
    super(message);
  }
}
