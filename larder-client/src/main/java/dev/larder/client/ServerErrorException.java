package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.protocol.text.TextResponse.ErrorKind;

/**
 * The server refused the command with {@code ERROR}, {@code CLIENT_ERROR <message>} or {@code
 * SERVER_ERROR <message>} (for example {@code SERVER_ERROR object too large for cache}). The
 * connection stays usable.
 */
public final class ServerErrorException extends CacheException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String serverMessage;

  /**
   * @param node the server that refused the command
   * @param kind which error reply it sent
   * @param serverMessage the text after the error word; empty when there was none
   */
  public ServerErrorException(Node node, ErrorKind kind, String serverMessage) {
    super(node + " replied " + kind + (serverMessage.isEmpty() ? "" : " " + serverMessage), node, null);
    this.kind = kind;
    this.serverMessage = serverMessage;
  }

  /** Which error reply the server sent. */
  public ErrorKind kind() {
    return kind;
  }

  /** The server's own words after the error word, e.g. {@code "object too large for cache"}. */
  public String serverMessage() {
    return serverMessage;
  }
}
