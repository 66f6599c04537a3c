package dev.larder.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketAddress;

/** One client connection as {@code stats conns} shows it. */
public final class ClientConnection {
  private static final VarHandle LAST_COMMAND_AT;
  private static final VarHandle STATE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      LAST_COMMAND_AT = lookup.findVarHandle(ClientConnection.class, "lastCommandAtMillis", long.class);
      STATE = lookup.findVarHandle(ClientConnection.class, "state", String.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long id;
  private final SocketAddress remote;
  private final long openedAtMillis;
  // Written by the connection's event loop for every command, read only by `stats conns`: opaque
  // accesses are plain moves on x86, where a volatile write would cost a fence per command.
  private long lastCommandAtMillis;
  private String state = "conn_new_cmd";

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
    return (long) LAST_COMMAND_AT.getOpaque(this);
  }

  /** Marks that a command was read now, in memcached's words for the connection's state. */
  public void commandRead(long nowMillis, String newState) {
    LAST_COMMAND_AT.setOpaque(this, nowMillis);
    STATE.setOpaque(this, newState);
  }

  public String state() {
    return (String) STATE.getOpaque(this);
  }
}
