package dev.larder.client.helpers;

import dev.larder.client.LarderClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cache-aside pattern with one load per key at a time: {@link #getOrLoad} returns the cached
 * value, or on a miss loads it from the source of truth, caches it and returns it. Callers in this
 * process that ask for a key while its lookup is under way share that lookup, so a popular key that
 * expires costs the database one load, not one per caller (no thundering herd from this process).
 *
 * <pre>{@code
 * CacheAside<String> profiles = new CacheAside<>(client);
 * String profile = profiles.getOrLoad("profile:42", 300, () -> database.loadProfile(42)).join();
 * }</pre>
 *
 * <p>Loaders run on the executor given to the constructor, never on the client's I/O threads, so
 * they may block. Keep one {@code CacheAside} per cache and share it: lookups are shared within one
 * instance.
 *
 * @param <V> the type of values
 */
public final class CacheAside<V> {
  private final LarderClient<V> client;
  private final Executor loaderExecutor;
  private final Map<String, CompletableFuture<V>> lookups = new ConcurrentHashMap<>();

  /** How many threads the shared pool for loaders has, when no executor is given. */
  public static final int DEFAULT_LOADER_THREADS = 16;

  /**
   * Runs loaders on a shared pool of {@value #DEFAULT_LOADER_THREADS} daemon threads, for
   * loaders that block on I/O. Pass an executor of your own to size it for your source of truth.
   */
  public CacheAside(LarderClient<V> client) {
    this(client, DefaultLoaderPool.EXECUTOR);
  }

  /**
   * @param client the cache
   * @param loaderExecutor where loaders run
   */
  public CacheAside(LarderClient<V> client, Executor loaderExecutor) {
    this.client = Objects.requireNonNull(client, "client");
    this.loaderExecutor = Objects.requireNonNull(loaderExecutor, "loaderExecutor");
  }

  /**
   * The value under {@code key}: from the cache, or on a miss from {@code loader}, which is then
   * stored with {@code exptime} before the future completes (so that later callers hit). Callers that
   * ask for {@code key} while a lookup of it is under way get that lookup's outcome and their loaders
   * are not called.
   *
   * <p>A loader that throws fails the lookup for every caller sharing it, and nothing is cached; the
   * next call tries again. A loader that returns null gives null and nothing is cached. A failure to
   * store the loaded value is ignored: the value is returned all the same. A failed cache read fails
   * the lookup; to load from the source when the cache is down, wrap the client in an {@link
   * IgnoreReadErrorsClient}.
   *
   * @param key the key
   * @param exptime the exptime of the stored value
   * @param loader reads the value from the source of truth; may block
   * @throws IllegalArgumentException if {@code key} breaks the client's key rules
   */
  public CompletableFuture<V> getOrLoad(String key, int exptime, Callable<? extends V> loader) {
    Objects.requireNonNull(loader, "loader");
    CompletableFuture<V> lookup = new CompletableFuture<>();
    CompletableFuture<V> underWay = lookups.putIfAbsent(key, lookup);
    if (underWay != null) {
      return underWay.copy();
    }
    try {
      client.get(key)
          .thenCompose(hit -> hit != null ? CompletableFuture.completedFuture(hit) : loadAndStore(key, exptime, loader))
          .whenComplete((value, failure) -> finish(key, lookup, value, failure));
    } catch (RuntimeException refused) {
      finish(key, lookup, null, refused);
      throw refused;
    }
    return lookup.copy();
  }

  /**
   * Ends a lookup: first unregisters it, so that a caller told of a failure who asks again starts a
   * new lookup, then completes it for every caller sharing it.
   */
  private void finish(String key, CompletableFuture<V> lookup, V value, Throwable failure) {
    lookups.remove(key, lookup);
    if (failure == null) {
      lookup.complete(value);
    } else {
      lookup.completeExceptionally(Failures.cause(failure));
    }
  }

  private CompletableFuture<V> loadAndStore(String key, int exptime, Callable<? extends V> loader) {
    return CompletableFuture.supplyAsync(() -> call(loader), loaderExecutor).thenCompose(value -> value == null
        ? CompletableFuture.completedFuture(null)
        : client.set(key, value, exptime).handle((stored, failure) -> value));
  }

  private static <V> V call(Callable<? extends V> loader) {
    try {
      return loader.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** The loader threads used when no executor is given, created on first use. */
  private static final class DefaultLoaderPool {
    static final Executor EXECUTOR = create();

    private static Executor create() {
      AtomicInteger count = new AtomicInteger();
      ThreadFactory daemons = task -> {
        Thread thread = new Thread(task, "larder-loader-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
      ThreadPoolExecutor pool = new ThreadPoolExecutor(
          DEFAULT_LOADER_THREADS, DEFAULT_LOADER_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
