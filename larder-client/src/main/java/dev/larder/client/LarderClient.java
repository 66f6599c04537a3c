package dev.larder.client;

import dev.larder.client.routing.Node;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous memcached client over one or many servers; build one with {@link #builder()}. Every
 * command returns at once with a {@link CompletableFuture}; commands from all threads share a few
 * pipelined connections per server. {@link #sync()} gives the same commands as blocking calls.
 *
 * <p>Keys are Strings sent as UTF-8 after the configured prefix: 1..250 bytes in all, with no
 * whitespace or control characters. A key that breaks these rules is refused with an {@link
 * IllegalArgumentException} thrown by the method itself, before anything is sent. Values are turned
 * into bytes and flags by the client's {@link dev.larder.client.transcoder.Transcoder}.
 *
 * <p>Futures fail with a {@link CacheException}: {@link CacheTimeoutException} when no reply came
 * within the operation timeout, {@link ConnectionLostException} when the connection closed first,
 * {@link ServerUnavailableException} when the server has no open connection, {@link
 * OverloadedException} when too many operations await replies from the server, {@link
 * ServerErrorException} when the server refused the command. A value the transcoder cannot decode
 * fails with a {@link dev.larder.client.transcoder.TranscodingException}. Futures complete on the
 * client's I/O threads: callbacks attached to them must not block.
 *
 * <p>A server that keeps failing is marked dead for a while ({@link
 * LarderClientBuilder#deadServerPolicy}, as pymemcache's {@code HashClient}): its keys then go to the
 * other servers, or their commands fail at once, as the {@link FailureMode} says.
 *
 * <p>Exptimes follow memcached: 0 never expires; up to 30 days (2592000) is relative seconds; above
 * that an absolute Unix time; negative means already expired.
 *
 * @param <V> the type of values
 */
public interface LarderClient<V> extends AutoCloseable {

  /** A builder with finite defaults: see {@link LarderClientBuilder}. */
  static LarderClientBuilder builder() {
    return new LarderClientBuilder();
  }

  /** The value stored under {@code key}, or null on a miss. */
  CompletableFuture<V> get(String key);

  /**
   * The values stored under {@code keys}: one {@code get k1 k2 ...} per server that owns any of them,
   * all sent at once. Misses are absent from the map. Fails if any of the servers fails: with {@link
   * FailureMode#FAIL}, at once when one of them is marked dead.
   */
  CompletableFuture<Map<String, V>> getAll(Collection<String> keys);

  /** {@code gets}: the value under {@code key} with its CAS unique, or null on a miss. */
  CompletableFuture<CasValue<V>> gets(String key);

  /** {@code gets} for many keys, one round trip per server, as {@link #getAll}. */
  CompletableFuture<Map<String, CasValue<V>>> getsAll(Collection<String> keys);

  /** {@code gat}: the value under {@code key}, whose exptime becomes {@code exptime}; null on a miss. */
  CompletableFuture<V> getAndTouch(String key, int exptime);

  /** {@code gats}: as {@link #getAndTouch}, with the CAS unique; null on a miss. */
  CompletableFuture<CasValue<V>> getsAndTouch(String key, int exptime);

  /**
   * {@code set}: stores {@code value} under {@code key} whatever was there. Completes with true once
   * stored; with noreply, once the command is written.
   */
  CompletableFuture<Boolean> set(String key, V value, int exptime);

  /**
   * {@code add}: stores {@code value} only if {@code key} holds nothing. Completes with false when it
   * did hold something; with noreply, with true once the command is written.
   */
  CompletableFuture<Boolean> add(String key, V value, int exptime);

  /**
   * {@code replace}: stores {@code value} only if {@code key} already holds something. Completes with
   * false when it did not; with noreply, with true once the command is written.
   */
  CompletableFuture<Boolean> replace(String key, V value, int exptime);

  /**
   * {@code append}: adds the encoded bytes of {@code value} after the stored bytes, keeping the item's
   * flags and exptime. Completes with false when nothing was stored under {@code key}; with noreply,
   * with true once the command is written.
   */
  CompletableFuture<Boolean> append(String key, V value);

  /** {@code prepend}: as {@link #append}, with the bytes added before the stored bytes. */
  CompletableFuture<Boolean> prepend(String key, V value);

  /**
   * {@code cas}: stores {@code value} only if the item still has the CAS unique {@code cas} read by
   * {@link #gets}. Always awaits the reply, even with noreply configured, since the outcome matters.
   */
  CompletableFuture<CasResult> cas(String key, V value, long cas, int exptime);

  /**
   * {@code delete}: removes {@code key}. Completes with false when it held nothing; with noreply, with
   * true once the command is written.
   */
  CompletableFuture<Boolean> delete(String key);

  /**
   * {@code incr}: adds {@code delta} (64-bit unsigned) to the decimal number stored under {@code key},
   * wrapping at 2^64. Completes with the new value (64-bit unsigned: read values above {@link
   * Long#MAX_VALUE} with {@link Long#toUnsignedString(long)}), or null when nothing is stored.
   */
  CompletableFuture<Long> incr(String key, long delta);

  /** {@code decr}: as {@link #incr}, subtracting {@code delta} and stopping at 0. */
  CompletableFuture<Long> decr(String key, long delta);

  /** {@code touch}: sets the exptime of {@code key}. Completes with false when it held nothing. */
  CompletableFuture<Boolean> touch(String key, int exptime);

  /**
   * {@code flush_all [delay]} on every server, those marked dead included (one that missed the flush
   * would serve old values when it came back): every item becomes invalid, now (delay 0) or after
   * {@code delay} seconds. Fails if any server fails.
   */
  CompletableFuture<Void> flushAll(int delay);

  /**
   * {@code stats [group]} on every server not marked dead (a dead server is absent from the map): each
   * server's {@code STAT} lines as name to value, in the order sent. {@code group} is empty for the general statistics, or {@code "settings"}, {@code
   * "items"}, {@code "slabs"}, {@code "conns"}, {@code "sizes"}, {@code "reset"} (which yields empty
   * maps). Fails if any server asked fails.
   *
   * @throws IllegalArgumentException if {@code group} holds a control or non-ASCII character
   */
  CompletableFuture<Map<Node, Map<String, String>>> stats(String group);

  /**
   * {@code version} on every server not marked dead (a dead server is absent from the map). Fails if
   * any server asked fails.
   */
  CompletableFuture<Map<Node, String>> version();

  /** The same commands as blocking calls that wait at most the operation timeout. */
  BlockingLarderClient<V> sync();

  /**
   * Closes every connection, failing what is still in flight with {@link ConnectionLostException}, and
   * stops the client's threads. Commands issued afterwards throw {@link IllegalStateException}.
   */
  @Override
  void close();
}
