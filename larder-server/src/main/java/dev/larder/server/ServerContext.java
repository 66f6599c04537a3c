package dev.larder.server;

import dev.larder.storage.CacheClock;
import dev.larder.storage.CacheEngine;

/**
 * What every connection of one server shares: its settings, engine, counters and open connections.
 * Protocol executors read and update it; the transport owns its life cycle.
 */
public final class ServerContext {
  private final ServerConfig config;
  private final CacheEngine engine;
  private final CacheClock clock;
  private final ServerStats stats = new ServerStats();
  private final ConnectionRegistry connections = new ConnectionRegistry();
  private final ValueReservations valueReservations = new ValueReservations();
  private final long startedAtMillis;
  private final Runnable shutdown;
  private volatile int verbosity;

  public ServerContext(ServerConfig config, CacheEngine engine, CacheClock clock, Runnable shutdown) {
    this.config = config;
    this.engine = engine;
    this.clock = clock;
    this.shutdown = shutdown;
    this.startedAtMillis = clock.millis();
    this.verbosity = config.verbosity();
  }

  public ServerConfig config() {
    return config;
  }

  public CacheEngine engine() {
    return engine;
  }

  public CacheClock clock() {
    return clock;
  }

  public ServerStats stats() {
    return stats;
  }

  public ConnectionRegistry connections() {
    return connections;
  }

  ValueReservations valueReservations() {
    return valueReservations;
  }

  public long startedAtMillis() {
    return startedAtMillis;
  }

  public int verbosity() {
    return verbosity;
  }

  /** The {@code verbosity} command; it changes only what later log lines say. */
  public void verbosity(int level) {
    this.verbosity = level;
  }

  /** The {@code shutdown} command: stops the server; the caller checks {@link ServerConfig#enableShutdown}. */
  public void shutdown() {
    shutdown.run();
  }
}
