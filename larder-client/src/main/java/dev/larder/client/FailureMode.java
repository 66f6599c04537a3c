package dev.larder.client;

/**
 * What happens to the keys of a server the client has marked dead (see {@link
 * LarderClientBuilder#deadServerPolicy}): they go to the other servers, or their commands fail.
 */
public enum FailureMode {
  /**
   * The dead server leaves the ring until it is back: its keys go to the live servers, placed by the
   * configured locator built over those servers alone, exactly where pymemcache's {@code HashClient}
   * (or libmemcached with {@code REMOVE_FAILED_SERVERS}) would put them; the other keys stay where they
   * were with ketama and rendezvous hashing. Callers see misses on the moved keys rather than errors.
   * The default, as in pymemcache, because a cache that answers with misses keeps the application
   * running while one of its servers is away.
   *
   * <p>The price: a key written while its server was out lives on another server, so if the server
   * comes back with its old data (it was unreachable, not restarted) a read may see the value from
   * before the outage. When every server is dead there is nowhere else to go, and keys are sent to
   * their usual owners as if none were dead.
   */
  REDISTRIBUTE,

  /**
   * Keys keep their owner: commands for a dead server's keys fail at once with {@link
   * ServerUnavailableException}, without being sent, until the server is back. Choose it when a
   * stale value after an outage would do harm, or when the callers handle the errors themselves (for
   * example with {@link dev.larder.client.helpers.IgnoreReadErrorsClient}).
   */
  FAIL
}
