package dev.larder.client.transcoder;

/** A value could not be encoded, or stored bytes could not be decoded. */
public class TranscodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TranscodingException(String message) {
    super(message);
  }

  public TranscodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
