package dev.larder.client.helpers;

import dev.larder.client.CasValue;
import dev.larder.client.ForwardingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.Lease;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client over a list of caches that writes to the first and reads through the others while the
 * first warms up, as pymemcache's {@code FallbackClient}: to move to a new cache (new servers, new
 * settings) without sending a cold cache's misses to the database.
 *
 * <ol>
 *   <li>Point the application at {@code new FallbackClient<>(List.of(newCache, oldCache))}.
 *   <li>Wait until the new cache holds enough of the working set.
 *   <li>Point the application at the new cache alone and retire the old one.
 * </ol>
 *
 * <p><b>Writes</b> ({@code set}, {@code add}, {@code replace}, {@code append}, {@code prepend},
 * {@code cas}, {@code delete}, {@code incr}, {@code decr}, {@code touch}) go to the first cache only,
 * and so do {@code flushAll}, {@code stats} and {@code version}. A write to a key that only a later
 * cache holds therefore acts on the first cache's miss: {@code incr} reports nothing stored, {@code
 * append} stores nothing.
 *
 * <p><b>Reads</b> ({@code get}, {@code getAll}, {@code getAndTouch}) ask each cache in turn until
 * one hits; {@code getAll} asks each cache only for the keys still missing. A failing cache fails
 * the read: wrap an old cache that may go away in an {@link IgnoreReadErrorsClient}. With {@link
 * #copyHitsToFirst(int)}, a hit in a later cache is also stored into the first cache (with {@code
 * add}, so a newer value written there meanwhile is kept; a failed copy is ignored) before the read
 * completes.
 *
 * <p><b>CAS.</b> A CAS unique belongs to the server that issued it, and {@code cas} goes to the
 * first cache, so the {@code gets} family ({@code gets}, {@code getsAll}, {@code getsAndTouch})
 * reads only the first cache. With {@link #copyHitsToFirst(int)} it reads through too: a later
 * cache's hit is copied into the first cache and then read back from it with its unique there, so
 * that a check-and-set loop ({@link CasUpdater}) carries a value over from the old cache. (pymemcache
 * reads {@code gets} through the list and returns the old cache's unique, which the first cache may
 * never match, or match by chance.)
 *
 * <p><b>Leases</b> are taken in the first cache ({@code fillLease}, {@code releaseLease} and {@code
 * invalidate} go there too). A {@code leaseGet} that finds no value there and wins reads through the
 * later caches; a hit there is returned as a value nobody needs to load, stored into the first cache by
 * filling the lease when hits are copied, and the lease is released otherwise.
 *
 * <p>Closing this client closes every cache.
 *
 * @param <V> the type of values
 */
public final class FallbackClient<V> extends ForwardingLarderClient<V> {
  private final List<LarderClient<V>> caches;
  private final boolean copyHits;
  private final int copyExptime;

  /**
   * Writes to the first of {@code caches}, reads through them in order, and copies nothing.
   *
   * @param caches the new cache first, then the caches to fall back to
   * @throws IllegalArgumentException if {@code caches} is empty
   */
  public FallbackClient(List<? extends LarderClient<V>> caches) {
    this(List.copyOf(caches), false, 0);
  }

  private FallbackClient(List<LarderClient<V>> caches, boolean copyHits, int copyExptime) {
    super(first(caches));
    this.caches = caches;
    this.copyHits = copyHits;
    this.copyExptime = copyExptime;
  }

  private static <V> LarderClient<V> first(List<LarderClient<V>> caches) {
    if (caches.isEmpty()) {
      throw new IllegalArgumentException("caches: [] (expected: at least one cache)");
    }
    return caches.get(0);
  }

  /**
   * A client over the same caches that also stores a later cache's hit into the first cache, with
   * {@code exptime} (for {@code getAndTouch} and {@code getsAndTouch}: the exptime they set), which
   * warms the new cache with what is actually read. The items' exptimes in the old cache are not
   * known, so choose one that is at most what the application gives its items.
   */
  public FallbackClient<V> copyHitsToFirst(int exptime) {
    return new FallbackClient<>(caches, true, exptime);
  }

  /** A read may ask every cache in turn, then copy into the first cache and read it again. */
  @Override
  protected Duration syncTimeout() {
    Duration all = caches.stream().map(cache -> cache.sync().timeout()).reduce(Duration.ZERO, Duration::plus);
    return all.plus(super.syncTimeout().multipliedBy(2));
  }

  /** {@inheritDoc} Reads through the caches in order. */
  @Override
  public CompletableFuture<V> get(String key) {
    return readThrough(0, key, cache -> cache.get(key), copyExptime);
  }

  /** {@inheritDoc} Asks each cache in turn for the keys still missing. */
  @Override
  public CompletableFuture<Map<String, V>> getAll(Collection<String> keys) {
    return readAllThrough(0, List.copyOf(keys));
  }

  /** {@inheritDoc} Reads through the caches in order. */
  @Override
  public CompletableFuture<V> getAndTouch(String key, int exptime) {
    return readThrough(0, key, cache -> cache.getAndTouch(key, exptime), exptime);
  }

  /** {@inheritDoc} Reads the first cache only, unless hits are copied (see {@link FallbackClient}). */
  @Override
  public CompletableFuture<CasValue<V>> gets(String key) {
    return readFirstWithCas(() -> super.gets(key), key, cache -> cache.get(key), copyExptime);
  }

  /** {@inheritDoc} Reads the first cache only, unless hits are copied (see {@link FallbackClient}). */
  @Override
  public CompletableFuture<Map<String, CasValue<V>>> getsAll(Collection<String> keys) {
    return super.getsAll(keys).thenCompose(hits -> {
      List<String> missing = missing(keys, hits);
      if (!copyHits || missing.isEmpty()) {
        return CompletableFuture.completedFuture(hits);
      }
      return readAllThrough(1, missing)
          .thenCompose(copied -> copied.isEmpty()
              ? CompletableFuture.completedFuture(Map.<String, CasValue<V>>of())
              : super.getsAll(copied.keySet()))
          .thenApply(reread -> merged(hits, reread));
    });
  }

  /** {@inheritDoc} Reads the first cache only, unless hits are copied (see {@link FallbackClient}). */
  @Override
  public CompletableFuture<CasValue<V>> getsAndTouch(String key, int exptime) {
    return readFirstWithCas(
        () -> super.getsAndTouch(key, exptime), key, cache -> cache.getAndTouch(key, exptime), exptime);
  }

  /** {@inheritDoc} Reads through the later caches when the first has no value (see {@link FallbackClient}). */
  @Override
  public CompletableFuture<Lease<V>> leaseGet(String key, int leaseTtl, int recacheTtl) {
    return super.leaseGet(key, leaseTtl, recacheTtl).thenCompose(lease -> lease.value() != null || !lease.won()
        ? CompletableFuture.completedFuture(lease)
        : readThrough(1, key, cache -> cache.get(key), copyExptime).thenCompose(hit -> hit == null
            ? CompletableFuture.completedFuture(lease)
            : handOver(key, lease, hit).thenApply(done -> new Lease<>(hit, 0, false, false))));
  }

  /**
   * Ends a lease won in the first cache for a value found in a later one: fills it when hits are
   * copied (the copy {@link #readThrough} made with {@code add} cannot replace the lease's empty item),
   * releases it otherwise. Completes, never fails, when done.
   */
  private CompletableFuture<Boolean> handOver(String key, Lease<V> lease, V hit) {
    CompletableFuture<Boolean> done = copyHits && lease.cas() != 0
        ? super.fillLease(key, lease, hit, copyExptime)
        : super.releaseLease(key, lease);
    return done.handle((ok, failure) -> ok);
  }

  /** Closes every cache.
  @Override
  public void close() {
    caches.forEach(LarderClient::close);
  }

  /**
   * {@code casRead} from the first cache; on a miss, when hits are copied, the value is looked for in
   * the later caches with {@code read}, copied into the first cache, and {@code casRead} again there.
   */
  private CompletableFuture<CasValue<V>> readFirstWithCas(Supplier<CompletableFuture<CasValue<V>>> casRead,
      String key, Function<LarderClient<V>, CompletableFuture<V>> read, int exptime) {
    return casRead.get().thenCompose(hit -> hit != null || !copyHits
        ? CompletableFuture.completedFuture(hit)
        : readThrough(1, key, read, exptime)
            .thenCompose(copied -> copied == null ? CompletableFuture.completedFuture(null) : casRead.get()));
  }

  /**
   * The first hit of {@code read} in caches {@code index} onwards, copied into the first cache when it
   * came from a later one.
   */
  private CompletableFuture<V> readThrough(
      int index, String key, Function<LarderClient<V>, CompletableFuture<V>> read, int exptime) {
    if (index == caches.size()) {
      return CompletableFuture.completedFuture(null);
    }
    return read.apply(caches.get(index)).thenCompose(hit -> {
      if (hit == null) {
        return readThrough(index + 1, key, read, exptime);
      }
      return index == 0
          ? CompletableFuture.completedFuture(hit)
          : copyToFirst(key, hit, exptime).thenApply(copied -> hit);
    });
  }

  /** The hits for {@code keys} in caches {@code index} onwards, each from the first cache that has it. */
  private CompletableFuture<Map<String, V>> readAllThrough(int index, List<String> keys) {
    if (index == caches.size() || keys.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return caches.get(index).getAll(keys).thenCompose(hits -> {
      CompletableFuture<?>[] copies = index == 0
          ? new CompletableFuture<?>[0]
          : hits.entrySet().stream().map(hit -> copyToFirst(hit.getKey(), hit.getValue(), copyExptime))
              .toArray(CompletableFuture<?>[]::new);
      return CompletableFuture.allOf(copies)
          .thenCompose(copied -> readAllThrough(index + 1, missing(keys, hits)))
          .thenApply(later -> merged(hits, later));
    });
  }

  /** Stores {@code value} into the first cache unless it holds the key; completes, never fails, when done. */
  private CompletableFuture<Void> copyToFirst(String key, V value, int exptime) {
    if (!copyHits) {
      return CompletableFuture.completedFuture(null);
    }
    return super.add(key, value, exptime).handle((stored, failure) -> null);
  }

  /** {@code keys} that {@code hits} lacks, each once, in order. */
  private static List<String> missing(Collection<String> keys, Map<String, ?> hits) {
    Set<String> missing = new LinkedHashSet<>(keys);
    missing.removeAll(hits.keySet());
    return List.copyOf(missing);
  }

  private static <T> Map<String, T> merged(Map<String, T> first, Map<String, T> later) {
    Map<String, T> all = new LinkedHashMap<>(first);
    all.putAll(later);
    return all;
  }
}
