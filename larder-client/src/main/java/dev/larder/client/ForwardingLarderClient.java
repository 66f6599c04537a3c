package dev.larder.client;

import dev.larder.client.routing.Node;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link LarderClient} that passes every command to another one: the base of decorators, which
 * override only the commands they change. {@link #sync()} gives blocking calls over the decorator
 * itself (not over the client behind it), waiting {@link #syncTimeout()}.
 *
 * <pre>{@code
 * LarderClient<String> logged = new ForwardingLarderClient<>(client) {
 *   @Override
 *   public CompletableFuture<Boolean> delete(String key) {
 *     log.info("deleting {}", key);
 *     return super.delete(key);
 *   }
 * };
 * }</pre>
 *
 * @param <V> the type of values
 */
public abstract class ForwardingLarderClient<V> implements LarderClient<V> {
  private final LarderClient<V> delegate;

  /** @param delegate the client that receives every command this one does not override */
  protected ForwardingLarderClient(LarderClient<V> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The client that receives every command this one does not override. */
  protected final LarderClient<V> delegate() {
    return delegate;
  }

  /**
   * How long the blocking calls of {@link #sync()} wait: by default as long as the delegate's. A
   * decorator that may take longer (retries, several caches in turn) returns how long it may take.
   */
  protected Duration syncTimeout() {
    return delegate.sync().timeout();
  }

  @Override
  public CompletableFuture<V> get(String key) {
    return delegate.get(key);
  }

  @Override
  public CompletableFuture<Map<String, V>> getAll(Collection<String> keys) {
    return delegate.getAll(keys);
  }

  @Override
  public CompletableFuture<CasValue<V>> gets(String key) {
    return delegate.gets(key);
  }

  @Override
  public CompletableFuture<Map<String, CasValue<V>>> getsAll(Collection<String> keys) {
    return delegate.getsAll(keys);
  }

  @Override
  public CompletableFuture<V> getAndTouch(String key, int exptime) {
    return delegate.getAndTouch(key, exptime);
  }

  @Override
  public CompletableFuture<CasValue<V>> getsAndTouch(String key, int exptime) {
    return delegate.getsAndTouch(key, exptime);
  }

  @Override
  public CompletableFuture<Boolean> set(String key, V value, int exptime) {
    return delegate.set(key, value, exptime);
  }

  @Override
  public CompletableFuture<Boolean> add(String key, V value, int exptime) {
    return delegate.add(key, value, exptime);
  }

  @Override
  public CompletableFuture<Boolean> replace(String key, V value, int exptime) {
    return delegate.replace(key, value, exptime);
  }

  @Override
  public CompletableFuture<Boolean> append(String key, V value) {
    return delegate.append(key, value);
  }

  @Override
  public CompletableFuture<Boolean> prepend(String key, V value) {
    return delegate.prepend(key, value);
  }

  @Override
  public CompletableFuture<CasResult> cas(String key, V value, long cas, int exptime) {
    return delegate.cas(key, value, cas, exptime);
  }

  @Override
  public CompletableFuture<Boolean> delete(String key) {
    return delegate.delete(key);
  }

  @Override
  public CompletableFuture<Long> incr(String key, long delta) {
    return delegate.incr(key, delta);
  }

  @Override
  public CompletableFuture<Long> decr(String key, long delta) {
    return delegate.decr(key, delta);
  }

  @Override
  public CompletableFuture<Boolean> touch(String key, int exptime) {
    return delegate.touch(key, exptime);
  }

  @Override
  public CompletableFuture<Lease<V>> leaseGet(String key, int leaseTtl, int recacheTtl) {
    return delegate.leaseGet(key, leaseTtl, recacheTtl);
  }

  @Override
  public CompletableFuture<Boolean> fillLease(String key, Lease<V> lease, V value, int exptime) {
    return delegate.fillLease(key, lease, value, exptime);
  }

  @Override
  public CompletableFuture<Boolean> releaseLease(String key, Lease<V> lease) {
    return delegate.releaseLease(key, lease);
  }

  @Override
  public CompletableFuture<Boolean> invalidate(String key) {
    return delegate.invalidate(key);
  }

  @Override
  public CompletableFuture<Void> flushAll(int delay) {
    return delegate.flushAll(delay);
  }

  @Override
  public CompletableFuture<Map<Node, Map<String, String>>> stats(String group) {
    return delegate.stats(group);
  }

  @Override
  public CompletableFuture<Map<Node, String>> version() {
    return delegate.version();
  }

  /** Blocking calls over this client (so through its overrides), each waiting {@link #syncTimeout()}. */
  @Override
  public BlockingLarderClient<V> sync() {
    return new BlockingLarderClient<>(this, syncTimeout());
  }

  /** Closes the delegate. */
  @Override
  public void close() {
    delegate.close();
  }
}
