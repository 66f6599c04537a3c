package dev.larder.client.transcoder;

/** A value could not be encoded, or stored bytes could not be decoded. */
public class TranscodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with no underlying cause; {@code message} says what could not be read or written. */
  public TranscodingException(String message) {
    super(message);
  }

  /** An error caused by {@code cause}, such as a parse or I/O failure. */
  public TranscodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
