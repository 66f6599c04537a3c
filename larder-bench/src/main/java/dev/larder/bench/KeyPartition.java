package dev.larder.bench;

/**
 * The keys one server owns when keys are spread by index modulo the server count: server {@code s}
 * of {@code n} owns key indexes {@code s, s + n, s + 2n, ...} below {@code keys}. Ranks count that
 * server's keys from 0, so rank 0 (the most popular under Zipf) is key {@code s}.
 *
 * @param server this server's position in {@code --servers}, from 0
 * @param servers how many servers there are
 * @param keys the whole key space
 */
record KeyPartition(int server, int servers, long keys) {
  KeyPartition {
    if (server < 0 || server >= servers || keys < servers) {
      throw new IllegalArgumentException("server " + server + " of " + servers + " with " + keys
          + " keys (expected: at least one key per server)");
    }
  }

  /** How many keys this server owns. */
  long size() {
    return (keys - server + servers - 1) / servers;
  }

  /** The key index of this server's key of rank {@code rank}. */
  long key(long rank) {
    return rank * servers + server;
  }
}
