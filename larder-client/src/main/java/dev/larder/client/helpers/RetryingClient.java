package dev.larder.client.helpers;

import dev.larder.client.CacheTimeoutException;
import dev.larder.client.CasResult;
import dev.larder.client.CasValue;
import dev.larder.client.ConnectionLostException;
import dev.larder.client.ForwardingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.ServerUnavailableException;
import dev.larder.client.routing.Node;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client that tries a failed command again, as pymemcache's {@code RetryingClient}: up to {@link
 * Builder#attempts} times in all, waiting {@link Builder#delay} between attempts, when it fails with
 * one of the {@link Builder#retryOn} exception types (by default those of a server that is down or
 * restarting: {@link ServerUnavailableException}, {@link ConnectionLostException}, {@link
 * CacheTimeoutException}). Any other failure, and the last attempt's, is reported at once.
 *
 * <p><b>A retried command may take effect twice.</b> A timeout or a lost connection does not say
 * whether the server applied the command before the reply was lost. Repeating a {@code get} or
 * {@code set} is harmless, but a repeated {@code incr}, {@code decr}, {@code append} or {@code
 * prepend} counts or adds twice, so these are not retried unless {@link
 * Builder#retryNonIdempotent(boolean)} says so. A repeated {@code add}, {@code cas} or {@code delete}
 * leaves the cache as one would, but may report the repetition's outcome ({@code false}, {@link
 * CasResult#EXISTS}) for a command whose first attempt succeeded.
 *
 * <pre>{@code
 * LarderClient<String> cache = RetryingClient.builder(client)
 *     .attempts(3)
 *     .delay(Duration.ofMillis(100))
 *     .build();
 * }</pre>
 *
 * @param <V> the type of values
 */
public final class RetryingClient<V> extends ForwardingLarderClient<V> {
  private final int attempts;
  private final Duration delay;
  private final Executor afterDelay;
  private final List<Class<? extends Throwable>> retryOn;
  private final boolean retryNonIdempotent;

  private RetryingClient(Builder<V> builder) {
    super(builder.delegate);
    this.attempts = builder.attempts;
    this.delay = builder.delay;
    this.afterDelay = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
    this.retryOn = builder.retryOn;
    this.retryNonIdempotent = builder.retryNonIdempotent;
  }

  /** A builder for a retrying client over {@code delegate}: 2 attempts, 100 ms apart, by default. */
  public static <V> Builder<V> builder(LarderClient<V> delegate) {
    return new Builder<>(delegate);
  }

  /** Every attempt may take the delegate's timeout, and there is a delay between attempts. */
  @Override
  protected Duration syncTimeout() {
    return super.syncTimeout().multipliedBy(attempts).plus(delay.multipliedBy(attempts - 1L));
  }

  @Override
  public CompletableFuture<V> get(String key) {
    return withRetries(() -> super.get(key));
  }

  @Override
  public CompletableFuture<Map<String, V>> getAll(Collection<String> keys) {
    return withRetries(() -> super.getAll(keys));
  }

  @Override
  public CompletableFuture<CasValue<V>> gets(String key) {
    return withRetries(() -> super.gets(key));
  }

  @Override
  public CompletableFuture<Map<String, CasValue<V>>> getsAll(Collection<String> keys) {
    return withRetries(() -> super.getsAll(keys));
  }

  @Override
  public CompletableFuture<V> getAndTouch(String key, int exptime) {
    return withRetries(() -> super.getAndTouch(key, exptime));
  }

  @Override
  public CompletableFuture<CasValue<V>> getsAndTouch(String key, int exptime) {
    return withRetries(() -> super.getsAndTouch(key, exptime));
  }

  @Override
  public CompletableFuture<Boolean> set(String key, V value, int exptime) {
    return withRetries(() -> super.set(key, value, exptime));
  }

  @Override
  public CompletableFuture<Boolean> add(String key, V value, int exptime) {
    return withRetries(() -> super.add(key, value, exptime));
  }

  @Override
  public CompletableFuture<Boolean> replace(String key, V value, int exptime) {
    return withRetries(() -> super.replace(key, value, exptime));
  }

  /** {@inheritDoc} Retried only if {@link Builder#retryNonIdempotent} is set. */
  @Override
  public CompletableFuture<Boolean> append(String key, V value) {
    return nonIdempotent(() -> super.append(key, value));
  }

  /** {@inheritDoc} Retried only if {@link Builder#retryNonIdempotent} is set. */
  @Override
  public CompletableFuture<Boolean> prepend(String key, V value) {
    return nonIdempotent(() -> super.prepend(key, value));
  }

  @Override
  public CompletableFuture<CasResult> cas(String key, V value, long cas, int exptime) {
    return withRetries(() -> super.cas(key, value, cas, exptime));
  }

  @Override
  public CompletableFuture<Boolean> delete(String key) {
    return withRetries(() -> super.delete(key));
  }

  /** {@inheritDoc} Retried only if {@link Builder#retryNonIdempotent} is set. */
  @Override
  public CompletableFuture<Long> incr(String key, long delta) {
    return nonIdempotent(() -> super.incr(key, delta));
  }

  /** {@inheritDoc} Retried only if {@link Builder#retryNonIdempotent} is set. */
  @Override
  public CompletableFuture<Long> decr(String key, long delta) {
    return nonIdempotent(() -> super.decr(key, delta));
  }

  @Override
  public CompletableFuture<Boolean> touch(String key, int exptime) {
    return withRetries(() -> super.touch(key, exptime));
  }

  @Override
  public CompletableFuture<Void> flushAll(int delay) {
    return withRetries(() -> super.flushAll(delay));
  }

  @Override
  public CompletableFuture<Map<Node, Map<String, String>>> stats(String group) {
    return withRetries(() -> super.stats(group));
  }

  @Override
  public CompletableFuture<Map<Node, String>> version() {
    return withRetries(() -> super.version());
  }

  private <T> CompletableFuture<T> nonIdempotent(Supplier<CompletableFuture<T>> command) {
    return retryNonIdempotent ? withRetries(command) : command.get();
  }

  private <T> CompletableFuture<T> withRetries(Supplier<CompletableFuture<T>> command) {
    return attempt(command, 1);
  }

  private <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> command, int attempt) {
    return command.get().exceptionallyCompose(failure -> {
      Throwable cause = Failures.cause(failure);
      if (attempt == attempts || retryOn.stream().noneMatch(type -> type.isInstance(cause))) {
        return CompletableFuture.failedFuture(cause);
      }
      return CompletableFuture.supplyAsync(() -> attempt(command, attempt + 1), afterDelay)
          .thenCompose(Function.identity());
    });
  }

  /**
   * Configures a {@link RetryingClient}; get one from {@link RetryingClient#builder}.
   *
   * @param <V> the type of values
   */
  public static final class Builder<V> {
    private final LarderClient<V> delegate;
    private int attempts = 2;
    private Duration delay = Duration.ofMillis(100);
    private List<Class<? extends Throwable>> retryOn = List.of(
        ServerUnavailableException.class, ConnectionLostException.class, CacheTimeoutException.class);
    private boolean retryNonIdempotent;

    private Builder(LarderClient<V> delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** How many times a command is tried in all, the first included; default 2. */
    public Builder<V> attempts(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("attempts: " + count + " (expected: >= 1)");
      }
      this.attempts = count;
      return this;
    }

    /**
     * The wait before each retry; default 100 ms, about the time a restarted server's connection
     * takes to come back (the client reconnects after 100 ms by default).
     */
    public Builder<V> delay(Duration wait) {
      if (wait == null || wait.isNegative()) {
        throw new IllegalArgumentException("delay: " + wait + " (expected: >= 0)");
      }
      this.delay = wait;
      return this;
    }

    /**
     * The failures worth another attempt: a command failing with an instance of one of {@code types}
     * is retried. Default {@link ServerUnavailableException}, {@link ConnectionLostException}, {@link
     * CacheTimeoutException}.
     */
    public Builder<V> retryOn(Collection<? extends Class<? extends Throwable>> types) {
      if (types == null || types.isEmpty()) {
        throw new IllegalArgumentException("retryOn: " + types + " (expected: at least one exception type)");
      }
      this.retryOn = List.copyOf(types);
      return this;
    }

    /**
     * Whether {@code incr}, {@code decr}, {@code append} and {@code prepend} are retried too, at the
     * risk of applying them twice (see {@link RetryingClient}); default false.
     */
    public Builder<V> retryNonIdempotent(boolean enabled) {
      this.retryNonIdempotent = enabled;
      return this;
    }

    /** The retrying client. Closing it closes the delegate. */
    public RetryingClient<V> build() {
      return new RetryingClient<>(this);
    }
  }
}
