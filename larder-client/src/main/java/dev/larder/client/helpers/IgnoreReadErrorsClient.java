package dev.larder.client.helpers;

import dev.larder.client.CacheException;
import dev.larder.client.CasValue;
import dev.larder.client.ForwardingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.Lease;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client whose reads treat a failed cache as a miss, as pymemcache's {@code ignore_exc=True}: the
 * reads ({@code get}, {@code gets}, {@code getAll}, {@code getsAll}, {@code getAndTouch}, {@code
 * getsAndTouch}) complete with null or without the key instead of failing with a {@link
 * CacheException} (timeout, lost connection, server down or refusing). The caller then goes to the
 * source of truth, as on any miss; a failed {@code leaseGet} is a miss this caller wins, with no
 * lease. Writes and every other command still fail as usual, and so do
 * failures that are no cache's fault: a bad key ({@link IllegalArgumentException}) or a value that
 * cannot be decoded ({@link dev.larder.client.transcoder.TranscodingException}).
 *
 * <p>Use it for a cache that may go away, such as the old cache behind a {@link FallbackClient}
 * during a migration, so that taking it down costs misses rather than errors.
 *
 * @param <V> the type of values
 */
public final class IgnoreReadErrorsClient<V> extends ForwardingLarderClient<V> {

  /** @param delegate the client whose read failures become misses */
  public IgnoreReadErrorsClient(LarderClient<V> delegate) {
    super(delegate);
  }

  /** {@inheritDoc} A failed read completes with null. */
  @Override
  public CompletableFuture<V> get(String key) {
    return orMiss(super.get(key));
  }

  /**
   * {@inheritDoc} When the batch fails, each key is read on its own, so that keys on servers that
   * answer still come back and only those on failed servers are missing.
   */
  @Override
  public CompletableFuture<Map<String, V>> getAll(Collection<String> keys) {
    return onCacheFailure(super.getAll(keys), () -> eachAlone(keys, this::get));
  }

  /** {@inheritDoc} A failed read completes with null. */
  @Override
  public CompletableFuture<CasValue<V>> gets(String key) {
    return orMiss(super.gets(key));
  }

  /** {@inheritDoc} When the batch fails, each key is read on its own, as in {@link #getAll}. */
  @Override
  public CompletableFuture<Map<String, CasValue<V>>> getsAll(Collection<String> keys) {
    return onCacheFailure(super.getsAll(keys), () -> eachAlone(keys, this::gets));
  }

  /** {@inheritDoc} A failed read completes with null. */
  @Override
  public CompletableFuture<V> getAndTouch(String key, int exptime) {
    return orMiss(super.getAndTouch(key, exptime));
  }

  /** {@inheritDoc} A failed read completes with null. */
  @Override
  public CompletableFuture<CasValue<V>> getsAndTouch(String key, int exptime) {
    return orMiss(super.getsAndTouch(key, exptime));
  }

  /** {@inheritDoc} A failed read is a miss this caller wins, with no lease: {@link Lease#missWithoutLease()}. */
  @Override
  public CompletableFuture<Lease<V>> leaseGet(String key, int leaseTtl, int recacheTtl) {
    return onCacheFailure(super.leaseGet(key, leaseTtl, recacheTtl),
        () -> CompletableFuture.completedFuture(Lease.missWithoutLease()));
  }

  private static <T> CompletableFuture<T> orMiss(CompletableFuture<T> read) {
    return onCacheFailure(read, () -> CompletableFuture.completedFuture(null));
  }

  /** {@code read}, or what {@code instead} gives if it fails with a {@link CacheException}. */
  private static <T> CompletableFuture<T> onCacheFailure(
      CompletableFuture<T> read, Supplier<CompletableFuture<T>> instead) {
    return read.exceptionallyCompose(failure -> {
      Throwable cause = Failures.cause(failure);
      return cause instanceof CacheException ? instead.get() : CompletableFuture.failedFuture(cause);
    });
  }

  private static <T> CompletableFuture<Map<String, T>> eachAlone(
      Collection<String> keys, Function<String, CompletableFuture<T>> read) {
    Map<String, CompletableFuture<T>> reads = new LinkedHashMap<>();
    keys.forEach(key -> reads.computeIfAbsent(key, read));
    return CompletableFuture.allOf(reads.values().toArray(CompletableFuture<?>[]::new)).thenApply(done -> {
      Map<String, T> hits = new LinkedHashMap<>();
      reads.forEach((key, value) -> {
        if (value.join() != null) {
          hits.put(key, value.join());
        }
      });
      return hits;
    });
  }
}
