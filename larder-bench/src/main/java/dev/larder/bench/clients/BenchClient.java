package dev.larder.bench.clients;

import java.io.IOException;

/**
 * One client library as W5's callers use it: blocking calls from application threads, values as raw
 * bytes (no compression, no serialization), one server. Each adapter keeps the library's own defaults
 * except where {@link ClientSettings} makes them equal for all.
 */
public interface BenchClient extends AutoCloseable {
  /**
   * The value stored under {@code key}, or null on a miss.
   *
   * @throws Exception whatever the library throws for a failed or timed-out call
   */
  byte[] get(String key) throws Exception;

  /**
   * Stores {@code value} under {@code key} with no expiry.
   *
   * @return whether the server stored it
   * @throws Exception whatever the library throws for a failed or timed-out call
   */
  boolean set(String key, byte[] value) throws Exception;

  /** Closes the library's connections and stops its threads. */
  @Override
  void close() throws IOException;
}
