package dev.larder.client;

import dev.larder.client.routing.Node;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The commands of a {@link LarderClient} as blocking calls. Each one only awaits the asynchronous
 * call, at most the operation timeout, and throws what the future failed with: a {@link
 * CacheException} (a {@link CacheTimeoutException} when the wait runs out), a {@link
 * dev.larder.client.transcoder.TranscodingException}, or an {@link IllegalArgumentException} for a bad
 * key. See {@link LarderClient} for what each command does. Thread-safe; get one from {@link
 * LarderClient#sync()}, which builds one over the client itself: an implementation of {@link
 * LarderClient} (a decorator, a test double) builds its own with {@link
 * #BlockingLarderClient(LarderClient, Duration)}.
 *
 * @param <V> the type of values
 */
public final class BlockingLarderClient<V> {
  private final LarderClient<V> async;
  private final Duration timeout;

  /**
   * Blocking calls over {@code async}.
   *
   * @param async the client whose futures are awaited
   * @param timeout the longest each call waits: at least the time {@code async} may take to
   *     complete or fail a future on its own, so that its own verdict is the one reported
   */
  public BlockingLarderClient(LarderClient<V> async, Duration timeout) {
    this.async = Objects.requireNonNull(async, "async");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    this.timeout = timeout;
  }

  /** The asynchronous client behind this one. */
  public LarderClient<V> async() {
    return async;
  }

  /** The longest each call waits. */
  public Duration timeout() {
    return timeout;
  }

  /** Blocking {@link LarderClient#get}: the value, or null on a miss. */
  public V get(String key) {
    return await(async.get(key));
  }

  /** Blocking {@link LarderClient#getAll}: the hits. */
  public Map<String, V> getAll(Collection<String> keys) {
    return await(async.getAll(keys));
  }

  /** Blocking {@link LarderClient#gets}: the value with its CAS unique, or null on a miss. */
  public CasValue<V> gets(String key) {
    return await(async.gets(key));
  }

  /** Blocking {@link LarderClient#getsAll}: the hits with their CAS uniques. */
  public Map<String, CasValue<V>> getsAll(Collection<String> keys) {
    return await(async.getsAll(keys));
  }

  /** Blocking {@link LarderClient#getAndTouch}: the value, or null on a miss. */
  public V getAndTouch(String key, int exptime) {
    return await(async.getAndTouch(key, exptime));
  }

  /** Blocking {@link LarderClient#getsAndTouch}: the value with its CAS unique, or null on a miss. */
  public CasValue<V> getsAndTouch(String key, int exptime) {
    return await(async.getsAndTouch(key, exptime));
  }

  /** Blocking {@link LarderClient#set}: true once stored. */
  public boolean set(String key, V value, int exptime) {
    return await(async.set(key, value, exptime));
  }

  /** Blocking {@link LarderClient#add}: false when the key already held something. */
  public boolean add(String key, V value, int exptime) {
    return await(async.add(key, value, exptime));
  }

  /** Blocking {@link LarderClient#replace}: false when the key held nothing. */
  public boolean replace(String key, V value, int exptime) {
    return await(async.replace(key, value, exptime));
  }

  /** Blocking {@link LarderClient#append}: false when the key held nothing. */
  public boolean append(String key, V value) {
    return await(async.append(key, value));
  }

  /** Blocking {@link LarderClient#prepend}: false when the key held nothing. */
  public boolean prepend(String key, V value) {
    return await(async.prepend(key, value));
  }

  /** Blocking {@link LarderClient#cas}: the server's verdict. */
  public CasResult cas(String key, V value, long cas, int exptime) {
    return await(async.cas(key, value, cas, exptime));
  }

  /** Blocking {@link LarderClient#delete}: false when the key held nothing. */
  public boolean delete(String key) {
    return await(async.delete(key));
  }

  /** Blocking {@link LarderClient#incr}: the new value (unsigned), or null when the key held nothing. */
  public Long incr(String key, long delta) {
    return await(async.incr(key, delta));
  }

  /** Blocking {@link LarderClient#decr}: the new value (unsigned), or null when the key held nothing. */
  public Long decr(String key, long delta) {
    return await(async.decr(key, delta));
  }

  /** Blocking {@link LarderClient#touch}: false when the key held nothing. */
  public boolean touch(String key, int exptime) {
    return await(async.touch(key, exptime));
  }

  /** Blocking {@link LarderClient#leaseGet}: what was found, and whether this caller won. */
  public Lease<V> leaseGet(String key, int leaseTtl, int recacheTtl) {
    return await(async.leaseGet(key, leaseTtl, recacheTtl));
  }

  /** Blocking {@link LarderClient#fillLease}: whether it stored. */
  public boolean fillLease(String key, Lease<V> lease, V value, int exptime) {
    return await(async.fillLease(key, lease, value, exptime));
  }

  /** Blocking {@link LarderClient#releaseLease}: whether it gave the lease back. */
  public boolean releaseLease(String key, Lease<V> lease) {
    return await(async.releaseLease(key, lease));
  }

  /** Blocking {@link LarderClient#invalidate}: false when the key held nothing. */
  public boolean invalidate(String key) {
    return await(async.invalidate(key));
  }

  /** Blocking {@link LarderClient#flushAll}. */
  public void flushAll(int delay) {
    await(async.flushAll(delay));
  }

  /** Blocking {@link LarderClient#stats}: each server's statistics. */
  public Map<Node, Map<String, String>> stats(String group) {
    return await(async.stats(group));
  }

  /** Blocking {@link LarderClient#version}: each server's version. */
  public Map<Node, String> version() {
    return await(async.version());
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (TimeoutException e) {
      throw new CacheTimeoutException(null, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CacheException("interrupted while awaiting a reply", null, e);
    }
  }

  private static RuntimeException rethrowable(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new CacheException(String.valueOf(cause), null, cause);
  }
}
