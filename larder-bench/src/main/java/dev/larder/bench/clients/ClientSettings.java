package dev.larder.bench.clients;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What every client under test is given alike.
 *
 * @param server the memcached server, resolved
 * @param connections connections to the server, for the clients that let it be chosen (spymemcached
 *     always opens one)
 * @param larderIoThreads the Larder client's event-loop threads, 0 for its default; the peers keep their own
 * @param timeout the longest a call waits for its reply
 */
public record ClientSettings(InetSocketAddress server, int connections, int larderIoThreads, Duration timeout) {
  /**
   * The longest a client waits for its connections when it starts, the same for all: longer than a
   * call's timeout, since on a busy machine a connection can take a while and the start is not measured.
   */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException naming the first bad part
   */
  public ClientSettings {
    if (server.isUnresolved()) {
      throw new IllegalArgumentException("server: " + server + " (expected: a resolved address)");
    }
    if (connections < 1) {
      throw new IllegalArgumentException("connections: " + connections + " (expected: >= 1)");
    }
    if (larderIoThreads < 0) {
      throw new IllegalArgumentException("larderIoThreads: " + larderIoThreads + " (expected: >= 0)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
  }

  /** {@link #timeout} in milliseconds, the unit the peer libraries take. */
  public long timeoutMillis() {
    return timeout.toMillis();
  }
}
