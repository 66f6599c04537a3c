package dev.larder.client.helpers;

import dev.larder.client.CasResult;
import dev.larder.client.CasValue;
import dev.larder.client.LarderClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Read-modify-write without lost updates, by check-and-set: {@link #update} reads the value with
 * {@code gets}, computes the new one, and stores it with {@code cas} only if nobody wrote the key in
 * between; otherwise it reads again and retries, up to a bound.
 *
 * <pre>{@code
 * CasUpdater<Long> counters = new CasUpdater<>(client);
 * long visits = counters.update("visits", 0, n -> n == null ? 1L : n + 1).join();
 * }</pre>
 *
 * <p>For plain counters, {@link LarderClient#incr} does the same in one command; {@code update} is
 * for values that are not decimal numbers (a list, a JSON document, a Java object).
 *
 * @param <V> the type of values
 */
public final class CasUpdater<V> {
  /** How many times {@link #update} tries by default before giving up. */
  public static final int DEFAULT_MAX_ATTEMPTS = 100;

  private final LarderClient<V> client;
  private final int maxAttempts;

  /** Updates through {@code client}, trying each update at most {@value #DEFAULT_MAX_ATTEMPTS} times. */
  public CasUpdater(LarderClient<V> client) {
    this(client, DEFAULT_MAX_ATTEMPTS);
  }

  /**
   * @param client the client that reads and writes
   * @param maxAttempts how many times each update is tried before it fails with {@link
   *     CasContentionException}
   */
  public CasUpdater(LarderClient<V> client, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: >= 1)");
    }
    this.client = Objects.requireNonNull(client, "client");
    this.maxAttempts = maxAttempts;
  }

  /**
   * Replaces the value under {@code key} with {@code change} applied to it, atomically: completes with
   * the value stored. {@code change} receives the current value, or null when the key holds nothing,
   * in which case the new value is stored with {@code add} (so that it too fails if another client
   * stored one first). When {@code change} returns null, nothing is stored and the update completes
   * with null.
   *
   * <p>{@code change} may run several times, once per attempt, on the client's I/O threads: it must
   * be quick, must not block, and should have no side effects.
   *
   * <p>Fails with {@link CasContentionException} when every attempt lost the race, and with what the
   * client fails with otherwise. With {@link dev.larder.client.LarderClientBuilder#noreply noreply}
   * configured, an {@code add} that lost the race on a missing key goes unnoticed, since its reply is
   * not read.
   *
   * @param key the key to update
   * @param exptime the exptime of the stored value
   * @param change computes the new value from the current one (null: none); returns null to store
   *     nothing
   */
  public CompletableFuture<V> update(String key, int exptime, UnaryOperator<V> change) {
    Objects.requireNonNull(change, "change");
    return attempt(key, exptime, change, 1);
  }

  private CompletableFuture<V> attempt(String key, int exptime, UnaryOperator<V> change, int attempt) {
    return client.gets(key).thenCompose(current -> {
      V updated = change.apply(current == null ? null : current.value());
      if (updated == null) {
        return CompletableFuture.completedFuture(null);
      }
      return store(key, exptime, current, updated).thenCompose(stored -> {
        if (stored) {
          return CompletableFuture.completedFuture(updated);
        }
        if (attempt == maxAttempts) {
          return CompletableFuture.failedFuture(new CasContentionException(key, attempt));
        }
        return attempt(key, exptime, change, attempt + 1);
      });
    });
  }

  /** {@code add} when the key held nothing, {@code cas} against what was read otherwise: true if stored. */
  private CompletableFuture<Boolean> store(String key, int exptime, CasValue<V> current, V updated) {
    return current == null
        ? client.add(key, updated, exptime)
        : client.cas(key, updated, current.cas(), exptime).thenApply(result -> result == CasResult.STORED);
  }
}
