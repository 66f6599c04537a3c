package dev.larder.server;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The open client connections, for {@code curr_connections}, {@code stats conns} and {@code -c}. */
public final class ConnectionRegistry {
  private final ConcurrentHashMap<Long, ClientConnection> open = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  /** A number for the next connection, shown where memcached shows a file descriptor. */
  public long nextId() {
    return nextId.getAndIncrement();
  }

  /**
   * Registers a new connection unless {@code limit} are already open; the check and the add are one
   * step so that simultaneous connects cannot overshoot the limit.
   */
  public boolean tryAdd(ClientConnection connection, int limit) {
    synchronized (open) {
      if (open.size() >= limit) {
        return false;
      }
      open.put(connection.id(), connection);
      return true;
    }
  }

  public void remove(ClientConnection connection) {
    open.remove(connection.id());
  }

  public int size() {
    return open.size();
  }

  public Collection<ClientConnection> all() {
    return Collections.unmodifiableCollection(open.values());
  }
}
