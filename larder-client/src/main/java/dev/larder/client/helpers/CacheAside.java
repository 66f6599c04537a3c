package dev.larder.client.helpers;

import dev.larder.client.LarderClient;
import dev.larder.client.Lease;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache-aside pattern with one load per key at a time across every process: {@link #getOrLoad}
 * returns the cached value, or on a miss loads it from the source of truth, caches it and returns it.
 *
 * <pre>{@code
 * CacheAside<String> profiles = new CacheAside<>(client);
 * String profile = profiles.getOrLoad("profile:42", 300, () -> database.loadProfile(42)).join();
 * profiles.invalidate("profile:42");   // after the database changed: readers keep the old value until one reloads it
 * }</pre>
 *
 * <p><b>Leases.</b> Reads are {@link LarderClient#leaseGet lease reads}: on a miss the server lets
 * exactly one caller, across every process, load the value; the others read again, backing off from
 * {@value #FIRST_RETRY_MILLIS} to {@value #MAX_RETRY_MILLIS} ms, until it is stored (at most {@link
 * LeasePolicy#maxWait}, then they load it themselves without storing it). After {@link #invalidate} or
 * within {@link LeasePolicy#recacheTtl} of expiry, one reader wins a refresh, which runs in the
 * background, and every reader, the winner included, gets the current value meanwhile
 * (stale-while-revalidate). A winner stores its value only if the item still has the CAS unique of its
 * lease, so a late winner never overwrites a newer value. On servers without the meta protocol there
 * are no leases: every process that misses loads once.
 *
 * <p><b>In this process</b>, callers that ask for a key while its lookup is under way share it (one
 * lease read, one load), so a popular key costs one round trip per process, not one per caller.
 *
 * <p>Loaders run on the executor given to the constructor, never on the client's I/O threads, so they
 * may block. Keep one {@code CacheAside} per cache and share it: lookups are shared within one
 * instance.
 *
 * @param <V> the type of values
 */
public final class CacheAside<V> {
  /** How many threads the shared pool for loaders has, when no executor is given. */
  public static final int DEFAULT_LOADER_THREADS = 16;
  /** The first pause before reading again while another caller loads. */
  public static final long FIRST_RETRY_MILLIS = 2;
  /** The longest pause between reads while another caller loads. */
  public static final long MAX_RETRY_MILLIS = 20;

  private static final Logger log = LoggerFactory.getLogger(CacheAside.class);

  private final LarderClient<V> client;
  private final Executor loaderExecutor;
  private final LeasePolicy policy;
  private final Map<String, CompletableFuture<V>> lookups = new ConcurrentHashMap<>();

  /**
   * Runs loaders on a shared pool of {@value #DEFAULT_LOADER_THREADS} daemon threads, for
   * loaders that block on I/O, with {@link LeasePolicy#DEFAULT}. Pass an executor of your own to size
   * it for your source of truth.
   */
  public CacheAside(LarderClient<V> client) {
    this(client, DefaultLoaderPool.EXECUTOR);
  }

  /**
   * @param client the cache
   * @param loaderExecutor where loaders run
   */
  public CacheAside(LarderClient<V> client, Executor loaderExecutor) {
    this(client, loaderExecutor, LeasePolicy.DEFAULT);
  }

  /**
   * @param client the cache
   * @param loaderExecutor where loaders run
   * @param policy how leases are taken
   */
  public CacheAside(LarderClient<V> client, Executor loaderExecutor, LeasePolicy policy) {
    this.client = Objects.requireNonNull(client, "client");
    this.loaderExecutor = Objects.requireNonNull(loaderExecutor, "loaderExecutor");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * The value under {@code key}: from the cache, or on a miss from {@code loader}, which is then
   * stored with {@code exptime} before the future completes (so that later callers hit). Of all the
   * callers in every process that miss at once, one loads (see {@link CacheAside}); callers in this
   * process that ask for {@code key} while a lookup of it is under way get that lookup's outcome and
   * their loaders are not called.
   *
   * <p>A loader that throws fails the lookup for every caller sharing it, and nothing is cached: the
   * lease is released first, so the next call, here or elsewhere, tries again at once. A loader that
   * returns null gives null and nothing is cached. A failure to store the loaded value is ignored:
   * the value is returned all the same. A failed cache read fails the lookup; to load from the source
   * when the cache is down, wrap the client in an {@link IgnoreReadErrorsClient}.
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
      read(key, exptime, loader, System.nanoTime() + policy.maxWait().toNanos(), FIRST_RETRY_MILLIS)
          .whenComplete((value, failure) -> finish(key, lookup, value, failure));
    } catch (RuntimeException refused) {
      finish(key, lookup, null, refused);
      throw refused;
    }
    return lookup.copy();
  }

  /**
   * Marks the value under {@code key} stale ({@link LarderClient#invalidate}): the next {@link
   * #getOrLoad} of it, in any process, reloads it in the background while every reader keeps getting
   * the old value until the new one is stored. On servers without the meta protocol, deletes it.
   * Completes with false when {@code key} held nothing.
   */
  public CompletableFuture<Boolean> invalidate(String key) {
    return client.invalidate(key);
  }

  /**
   * One lease read, and what its outcome asks for; while another caller loads, reads again after
   * {@code pauseMillis}, doubled each time up to {@link #MAX_RETRY_MILLIS}.
   */
  private CompletableFuture<V> read(
      String key, int exptime, Callable<? extends V> loader, long waitDeadline, long pauseMillis) {
    return client.leaseGet(key, policy.leaseTtl(), policy.recacheTtl()).thenCompose(lease -> {
      if (lease.value() != null) {
        if (lease.won()) {
          refreshInBackground(key, exptime, loader, lease);
        }
        return CompletableFuture.completedFuture(lease.value());
      }
      if (lease.won()) {
        return loadAndFill(key, exptime, loader, lease);
      }
      if (System.nanoTime() - waitDeadline >= 0) {
        return load(loader);
      }
      Executor afterPause = CompletableFuture.delayedExecutor(pauseMillis, TimeUnit.MILLISECONDS);
      return CompletableFuture.runAsync(() -> { }, afterPause).thenCompose(paused ->
          read(key, exptime, loader, waitDeadline, Math.min(2 * pauseMillis, MAX_RETRY_MILLIS)));
    });
  }

  /**
   * Loads the value of a won lease and stores it; if the loader fails, releases the lease before the
   * failure is reported, so that whoever is told of it and asks again wins at once.
   */
  private CompletableFuture<V> loadAndFill(String key, int exptime, Callable<? extends V> loader, Lease<V> lease) {
    return load(loader).handle((value, failure) -> failure != null || value == null
        ? client.releaseLease(key, lease).handle((released, ignored) -> value)
            .thenCompose(released -> loaded(value, failure))
        : client.fillLease(key, lease, value, exptime).handle((stored, ignored) -> value))
        .thenCompose(Function.identity());
  }

  private static <V> CompletableFuture<V> loaded(V value, Throwable failure) {
    return failure == null
        ? CompletableFuture.completedFuture(value)
        : CompletableFuture.failedFuture(Failures.cause(failure));
  }

  /** The refresh a reader won while it returns the current value: nobody awaits it, so failures are only logged. */
  private void refreshInBackground(String key, int exptime, Callable<? extends V> loader, Lease<V> lease) {
    loadAndFill(key, exptime, loader, lease).whenComplete((value, failure) -> {
      if (failure != null) {
        log.warn("refreshing {} failed; the next reader tries again", key, failure);
      }
    });
  }

  private CompletableFuture<V> load(Callable<? extends V> loader) {
    return CompletableFuture.supplyAsync(() -> call(loader), loaderExecutor);
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
