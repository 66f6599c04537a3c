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

  /**
   * A read that takes part in leases, against a thundering herd: memcached 1.6's {@code mg <key> v f c
   * N<leaseTtl> R<recacheTtl>}. On a miss the server creates an empty item for {@code leaseTtl} seconds
   * and exactly one caller, across every client, wins the right to load the value; on an item {@link
   * #invalidate invalidated} or, with {@code recacheTtl} above 0, with fewer than {@code recacheTtl}
   * seconds left, one caller wins its refresh while the others read the current value. See {@link
   * Lease} for what to do with each outcome; {@link dev.larder.client.helpers.CacheAside} does it all.
   *
   * <p>On a server that does not speak the meta protocol (it answers {@code mn} with {@code ERROR};
   * asked once per server) this is a plain {@code get}: a hit is used as is, and every caller that
   * misses wins, with no lease ({@link Lease#missWithoutLease()}). This default implementation is that
   * fallback.
   *
   * @param leaseTtl how long, in seconds, a winner has to fill the lease before another caller wins
   * @param recacheTtl 0 for no early refresh; else a hit with fewer seconds left wins one caller a refresh
   */
  default CompletableFuture<Lease<V>> leaseGet(String key, int leaseTtl, int recacheTtl) {
    return get(key).thenApply(hit -> hit == null ? Lease.missWithoutLease() : new Lease<>(hit, 0, false, false));
  }

  /**
   * Stores the value that a {@link Lease} won by {@link #leaseGet} asked for: only if the item still
   * has the lease's CAS unique ({@code ms <key> <bytes> F<flags> T<exptime> C<cas>}), so that a winner
   * whose lease ran out, or whose item was invalidated again meanwhile, cannot overwrite a newer value.
   * With no lease held ({@code cas} 0), only if {@code key} holds nothing ({@code add}). Completes with
   * whether it stored. This default implementation uses the text commands {@code cas} and {@code add}.
   */
  default CompletableFuture<Boolean> fillLease(String key, Lease<V> lease, V value, int exptime) {
    return lease.cas() == 0
        ? add(key, value, exptime)
        : cas(key, value, lease.cas(), exptime).thenApply(result -> result == CasResult.STORED);
  }

  /**
   * Gives back a lease won by {@link #leaseGet} whose value could not be loaded, so that the next
   * reader wins at once instead of waiting for the lease to run out: the empty item of a miss is
   * deleted ({@code md <key> C<cas>}), a stale item is invalidated again ({@code md <key> I C<cas>}),
   * either only if it still has the lease's CAS unique. Completes with whether it did. A lease to
   * refresh a value that is not stale is not given back: the value stays until it expires. This default
   * implementation, for servers without the meta protocol, holds no lease and completes with false.
   */
  default CompletableFuture<Boolean> releaseLease(String key, Lease<V> lease) {
    return CompletableFuture.completedFuture(false);
  }

  /**
   * Marks the value under {@code key} stale ({@code md <key> I}), for stale-while-revalidate after the
   * source of truth changed: the next {@link #leaseGet} wins the refresh and until it is filled every
   * other reader gets the old value, flagged stale. Completes with false when {@code key} held nothing.
   * On a server without the meta protocol, and in this default implementation, the value is deleted.
   */
  default CompletableFuture<Boolean> invalidate(String key) {
    return delete(key);
  }

  /** The same commands as blocking calls that wait at most the operation timeout. */
  BlockingLarderClient<V> sync();

  /**
   * Closes every connection, failing what is still in flight with {@link ConnectionLostException}, and
   * stops the client's threads. Commands issued afterwards throw {@link IllegalStateException}.
   */
  @Override
  void close();
}
