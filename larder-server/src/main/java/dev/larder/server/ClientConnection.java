package dev.larder.server;

import java.net.SocketAddress;

/** One client connection as {@code stats conns} shows it. */
public final class ClientConnection {
  private final long id;
  private final SocketAddress remote;
  private final long openedAtMillis;
  private volatile long lastCommandAtMillis;
  private volatile String state = "conn_new_cmd";

  public ClientConnection(long id, SocketAddress remote, long nowMillis) {
    this.id = id;
    this.remote = remote;
    this.openedAtMillis = nowMillis;
    this.lastCommandAtMillis = nowMillis;
  }

  public long id() {
    return id;
  }

  public SocketAddress remote() {
    return remote;
  }

  public long openedAtMillis() {
    return openedAtMillis;
  }

  public long lastCommandAtMillis() {
    return lastCommandAtMillis;
  }

  /** Marks that a command was read now, in memcached's words for the connection's state. */
  public void commandRead(long nowMillis, String newState) {
    this.lastCommandAtMillis = nowMillis;
    this.state = newState;
  }

  public String state() {
    return state;
  }
}
