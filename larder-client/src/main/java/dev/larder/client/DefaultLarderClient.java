package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.client.transcoder.CachedData;
import dev.larder.client.transcoder.Transcoder;
import dev.larder.protocol.text.MetaCommandWriter;
import dev.larder.protocol.text.StorageCommand;
import dev.larder.protocol.text.TextCommandWriter;
import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link LarderClient} over a fixed set of servers, each with its own {@link ServerConnections}. The
 * {@link Router} places each key, leaving out dead servers, and hears how every command sent went.
 * Single-key commands go out as text or meta commands as {@link ClientConfig#protocol} and the owner
 * of the key say ({@link #sendSingleKey}); the rest are always text commands.
 */
final class DefaultLarderClient<V> implements LarderClient<V> {
  private final ClientConfig config;
  private final Transcoder<V> transcoder;
  private final KeyEncoder keys;
  private final Router router;
  private final ClientTransport transport;
  private final Map<Node, ServerConnections> servers = new LinkedHashMap<>();
  private final MetaSupport metaSupport;
  private final BlockingLarderClient<V> sync;
  private volatile boolean closed;

  private DefaultLarderClient(ClientConfig config, Transcoder<V> transcoder, KeyEncoder keys) {
    this.config = config;
    this.transcoder = transcoder;
    this.keys = keys;
    this.transport = ClientTransport.best(ioThreads(config));
    for (Node node : config.servers()) {
      servers.put(node, new ServerConnections(node, config, transport));
    }
    this.router = new Router(config.servers(), config.locator(), config.deadServerPolicy(), config.failureMode(),
        node -> servers.get(node).isConnected(), System::nanoTime);
    this.metaSupport = new MetaSupport(node -> sendTo(node, new SingleReplyOperation<>(
        MetaCommandWriter::writeNoop, Replies::metaNoop)));
    this.sync = new BlockingLarderClient<>(this, config.operationTimeout());
  }

  /** The event-loop threads: as configured, else one per connection and at most one per CPU. */
  private static int ioThreads(ClientConfig config) {
    if (config.ioThreads() > 0) {
      return config.ioThreads();
    }
    int connections = config.servers().size() * config.connectionsPerServer();
    return Math.min(connections, Runtime.getRuntime().availableProcessors());
  }

  /** Builds the client and waits, at most the connect timeout, for every connection's first attempt. */
  static <V> DefaultLarderClient<V> connect(ClientConfig config, Transcoder<V> transcoder) {
    DefaultLarderClient<V> client = new DefaultLarderClient<>(config, transcoder, new KeyEncoder(config.keyPrefix()));
    CompletableFuture<Void> opened = CompletableFuture.allOf(
        client.servers.values().stream().map(ServerConnections::open).toArray(CompletableFuture<?>[]::new));
    try {
      opened.get(config.connectTimeout().toMillis() + 100, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException stillConnecting) {
      // Servers not reached yet are retried in the background; their keys fail fast until then.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.close();
      throw new CacheException("interrupted while connecting", null, e);
    }
    return client;
  }

  @Override
  public CompletableFuture<V> get(String key) {
    byte[] wireKey = keys.encode(key);
    return retrieveOne(wireKey, false, out -> MetaCommandWriter.writeGet(out, wireKey, false),
        () -> SingleKeyRetrievalOperation.get(wireKey))
        .thenApply(value -> value == null ? null : decode(value));
  }

  @Override
  public CompletableFuture<Map<String, V>> getAll(Collection<String> keyList) {
    return retrieve(keyList, (out, wireKeys) -> TextCommandWriter.writeGet(out, false, wireKeys), this::decode);
  }

  @Override
  public CompletableFuture<CasValue<V>> gets(String key) {
    byte[] wireKey = keys.encode(key);
    return retrieveOne(wireKey, true, out -> MetaCommandWriter.writeGet(out, wireKey, true),
        () -> new SingleKeyRetrievalOperation((out, wireKeys) -> TextCommandWriter.writeGet(out, true, wireKeys), wireKey))
        .thenApply(value -> value == null ? null : decodeWithCas(value));
  }

  @Override
  public CompletableFuture<Map<String, CasValue<V>>> getsAll(Collection<String> keyList) {
    return retrieve(keyList, (out, wireKeys) -> TextCommandWriter.writeGet(out, true, wireKeys), this::decodeWithCas);
  }

  @Override
  public CompletableFuture<V> getAndTouch(String key, int exptime) {
    byte[] wireKey = keys.encode(key);
    return retrieveOne(wireKey, false, out -> MetaCommandWriter.writeGetAndTouch(out, wireKey, false, exptime),
        () -> new SingleKeyRetrievalOperation(
            (out, wireKeys) -> TextCommandWriter.writeGetAndTouch(out, false, exptime, wireKeys), wireKey))
        .thenApply(value -> value == null ? null : decode(value));
  }

  @Override
  public CompletableFuture<CasValue<V>> getsAndTouch(String key, int exptime) {
    byte[] wireKey = keys.encode(key);
    return retrieveOne(wireKey, true, out -> MetaCommandWriter.writeGetAndTouch(out, wireKey, true, exptime),
        () -> new SingleKeyRetrievalOperation(
            (out, wireKeys) -> TextCommandWriter.writeGetAndTouch(out, true, exptime, wireKeys), wireKey))
        .thenApply(value -> value == null ? null : decodeWithCas(value));
  }

  @Override
  public CompletableFuture<Boolean> set(String key, V value, int exptime) {
    return store(StorageCommand.SET, key, value, exptime);
  }

  @Override
  public CompletableFuture<Boolean> add(String key, V value, int exptime) {
    return store(StorageCommand.ADD, key, value, exptime);
  }

  @Override
  public CompletableFuture<Boolean> replace(String key, V value, int exptime) {
    return store(StorageCommand.REPLACE, key, value, exptime);
  }

  @Override
  public CompletableFuture<Boolean> append(String key, V value) {
    return store(StorageCommand.APPEND, key, value, 0);
  }

  @Override
  public CompletableFuture<Boolean> prepend(String key, V value) {
    return store(StorageCommand.PREPEND, key, value, 0);
  }

  @Override
  public CompletableFuture<CasResult> cas(String key, V value, long cas, int exptime) {
    byte[] wireKey = keys.encode(key);
    CachedData data = transcoder.encode(value);
    return sendSingleKey(wireKey,
        () -> new SingleReplyOperation<>(
            out -> MetaCommandWriter.writeCasSet(out, wireKey, data.flags(), exptime, data.bytes(), cas),
            Replies::metaCasResult),
        () -> new SingleReplyOperation<>(
            out -> TextCommandWriter.writeCas(out, wireKey, data.flags(), exptime, data.bytes(), cas, false),
            Replies::casResult));
  }

  @Override
  public CompletableFuture<Boolean> delete(String key) {
    byte[] wireKey = keys.encode(key);
    return sendMaybeNoreply(wireKey,
        () -> new SingleReplyOperation<>(out -> MetaCommandWriter.writeDelete(out, wireKey, false, 0),
            Replies::metaDeleted),
        noreply -> out -> TextCommandWriter.writeDelete(out, wireKey, noreply), Replies::deleted);
  }

  @Override
  public CompletableFuture<Long> incr(String key, long delta) {
    return incrDecr(true, key, delta);
  }

  @Override
  public CompletableFuture<Long> decr(String key, long delta) {
    return incrDecr(false, key, delta);
  }

  @Override
  public CompletableFuture<Boolean> touch(String key, int exptime) {
    byte[] wireKey = keys.encode(key);
    return sendSingleKey(wireKey,
        () -> new SingleReplyOperation<>(out -> MetaCommandWriter.writeTouch(out, wireKey, exptime), Replies::metaTouched),
        () -> new SingleReplyOperation<>(
            out -> TextCommandWriter.writeTouch(out, wireKey, exptime, false), Replies::touched));
  }

  /** {@inheritDoc} Sent as {@code mg} where the owner speaks the meta protocol. */
  @Override
  public CompletableFuture<Lease<V>> leaseGet(String key, int leaseTtl, int recacheTtl) {
    byte[] wireKey = keys.encode(key);
    return viaMeta(wireKey,
        () -> new SingleReplyOperation<>(out -> MetaCommandWriter.writeLeaseGet(out, wireKey, leaseTtl, recacheTtl),
            Replies::leaseGet),
        this::toLease,
        () -> LarderClient.super.leaseGet(key, leaseTtl, recacheTtl));
  }

  /** {@inheritDoc} Sent as {@code ms} where the owner speaks the meta protocol. */
  @Override
  public CompletableFuture<Boolean> fillLease(String key, Lease<V> lease, V value, int exptime) {
    if (lease.cas() == 0) {
      return LarderClient.super.fillLease(key, lease, value, exptime);
    }
    byte[] wireKey = keys.encode(key);
    CachedData data = transcoder.encode(value);
    return viaMeta(wireKey,
        () -> new SingleReplyOperation<>(
            out -> MetaCommandWriter.writeCasSet(out, wireKey, data.flags(), exptime, data.bytes(), lease.cas()),
            Replies::metaStored),
        Function.identity(),
        () -> LarderClient.super.fillLease(key, lease, value, exptime));
  }

  @Override
  public CompletableFuture<Boolean> releaseLease(String key, Lease<V> lease) {
    boolean refreshOfAFreshValue = lease.value() != null && !lease.stale();
    if (lease.cas() == 0 || !lease.won() || refreshOfAFreshValue) {
      return LarderClient.super.releaseLease(key, lease);
    }
    byte[] wireKey = keys.encode(key);
    return viaMeta(wireKey,
        () -> new SingleReplyOperation<>(
            out -> MetaCommandWriter.writeDelete(out, wireKey, lease.stale(), lease.cas()), Replies::metaDeleted),
        Function.identity(),
        () -> LarderClient.super.releaseLease(key, lease));
  }

  @Override
  public CompletableFuture<Boolean> invalidate(String key) {
    byte[] wireKey = keys.encode(key);
    return viaMeta(wireKey,
        () -> new SingleReplyOperation<>(out -> MetaCommandWriter.writeDelete(out, wireKey, true, 0),
            Replies::metaDeleted),
        Function.identity(),
        () -> LarderClient.super.invalidate(key));
  }

  @Override
  public CompletableFuture<Void> flushAll(int delay) {
    // Dead servers too: one that missed the flush would serve old values when it came back.
    return onServers(servers.keySet(), () -> new SingleReplyOperation<>(
        out -> TextCommandWriter.writeFlushAll(out, delay, false), Replies::ok))
        .thenApply(done -> null);
  }

  @Override
  public CompletableFuture<Map<Node, Map<String, String>>> stats(String group) {
    TextCommandWriter.checkStatsArgs(group);
    return onServers(serversNotDead(), () -> new StatsOperation(group));
  }

  @Override
  public CompletableFuture<Map<Node, String>> version() {
    return onServers(serversNotDead(), () -> new SingleReplyOperation<>(TextCommandWriter::writeVersion, Replies::version));
  }

  @Override
  public BlockingLarderClient<V> sync() {
    return sync;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    servers.values().forEach(ServerConnections::close);
    transport.shutdown();
  }

  private CompletableFuture<Boolean> store(StorageCommand command, String key, V value, int exptime) {
    byte[] wireKey = keys.encode(key);
    CachedData data = transcoder.encode(value);
    return sendMaybeNoreply(wireKey,
        () -> new SingleReplyOperation<>(
            out -> MetaCommandWriter.writeStore(out, command, wireKey, data.flags(), exptime, data.bytes()),
            Replies::metaStored),
        noreply -> out -> TextCommandWriter.writeStore(out, command, wireKey, data.flags(), exptime, data.bytes(), noreply),
        Replies::stored);
  }

  private CompletableFuture<Long> incrDecr(boolean increment, String key, long delta) {
    byte[] wireKey = keys.encode(key);
    return sendSingleKey(wireKey,
        () -> new SingleReplyOperation<>(
            out -> MetaCommandWriter.writeIncrDecr(out, increment, wireKey, delta), Replies::metaNumber),
        () -> new SingleReplyOperation<>(
            out -> TextCommandWriter.writeIncrDecr(out, increment, wireKey, delta, false), Replies::number));
  }

  /**
   * A storage or delete command: {@code meta}, or the text command {@code text} read by {@code
   * meaning}; with noreply always the text command, whose noreply needs no reply to stay in step.
   */
  private CompletableFuture<Boolean> sendMaybeNoreply(byte[] wireKey, Supplier<Operation<Boolean>> meta,
      Function<Boolean, Consumer<ByteBuf>> text, Function<TextResponse, Boolean> meaning) {
    if (config.noreply()) {
      RoutingTable table = router.table();
      return sendToOwner(table, table.locate(keys.routingKey(wireKey)), new NoreplyOperation(text.apply(true)));
    }
    return sendSingleKey(wireKey, meta, () -> new SingleReplyOperation<>(text.apply(false), meaning));
  }

  /**
   * Sends to the owner of {@code wireKey} the operation {@code meta} or {@code text}, which mean the
   * same, as {@link ClientConfig#protocol} says: for {@link ClientProtocol#AUTO}, meta where the owner
   * speaks the meta protocol (asked once per server; until the answer is known the command waits for
   * it, and fails as the question failed).
   */
  private <T> CompletableFuture<T> sendSingleKey(
      byte[] wireKey, Supplier<Operation<T>> meta, Supplier<Operation<T>> text) {
    RoutingTable table = router.table();
    Node owner = table.locate(keys.routingKey(wireKey));
    ClientProtocol protocol = config.protocol();
    if (protocol == ClientProtocol.TEXT || table.refuses(owner)) {
      // A refused owner fails the command unsent, whatever its protocol: no need to ask it.
      return sendToOwner(table, owner, text.get());
    }
    if (protocol == ClientProtocol.META) {
      return sendTo(owner, meta.get());
    }
    return metaSupport.of(owner).thenCompose(speaksMeta -> sendTo(owner, speaksMeta ? meta.get() : text.get()));
  }

  /** Sends {@code operation}, for keys of {@code owner}, unless {@code table} fails them at once. */
  private <T> CompletableFuture<T> sendToOwner(RoutingTable table, Node owner, Operation<T> operation) {
    if (table.refuses(owner)) {
      operation.fail(new ServerUnavailableException(owner,
          owner + " is marked dead (failure mode FAIL): its keys fail until it is back"));
      return operation.future();
    }
    return sendTo(owner, operation);
  }

  /** Sends {@code operation} to {@code node}, and tells the router how it went. */
  private <T> CompletableFuture<T> sendTo(Node node, Operation<T> operation) {
    CompletableFuture<T> outcome = server(node).send(operation);
    outcome.whenComplete((value, failure) -> router.record(node, failure));
    return outcome;
  }

  /**
   * The meta command {@code meta}, its reply read by {@code meaning} (off the pipeline, so that a value
   * the transcoder refuses fails the future rather than the connection), where the owner of {@code
   * wireKey} speaks the meta protocol; else {@code text}, the same in text commands.
   */
  private <R, T> CompletableFuture<T> viaMeta(
      byte[] wireKey, Supplier<Operation<R>> meta, Function<R, T> meaning, Supplier<CompletableFuture<T>> text) {
    RoutingTable table = router.table();
    Node owner = table.locate(keys.routingKey(wireKey));
    if (table.refuses(owner)) {
      return sendToOwner(table, owner, meta.get()).thenApply(meaning);
    }
    return metaSupport.of(owner).thenCompose(speaksMeta -> speaksMeta
        ? sendTo(owner, meta.get()).thenApply(meaning)
        : text.get());
  }

  /**
   * A lease get's reply as a {@link Lease}. The empty item a miss creates is not a value: a reply with
   * no data, no client flags and a win flag ({@code W} or {@code Z}) is taken for it, so an empty value
   * stored with flags 0 reads as a miss while a win on it is out.
   */
  private Lease<V> toLease(TextResponse.Meta reply) {
    if (reply.code() == TextResponse.MetaCode.EN) {
      return Lease.missWithoutLease();
    }
    boolean placeholder = reply.data().length == 0 && reply.flags() == 0 && (reply.win() || reply.winSent());
    V value = placeholder ? null : transcoder.decode(new CachedData(reply.flags(), reply.data()));
    return new Lease<>(value, reply.cas(), reply.win(), reply.stale() && !placeholder);
  }

  /**
   * The value of {@code wireKey}, or null: the meta command {@code metaGet} writes, or the text
   * retrieval {@code text}; both read its CAS unique iff {@code withCas}.
   */
  private CompletableFuture<TextResponse.Value> retrieveOne(byte[] wireKey, boolean withCas,
      Consumer<ByteBuf> metaGet, Supplier<Operation<TextResponse.Value>> text) {
    return sendSingleKey(wireKey,
        () -> new SingleReplyOperation<>(metaGet, reply -> Replies.metaValue(reply, wireKey, withCas)), text);
  }

  /** One retrieval per server that owns any of {@code keyList}, all sent before any reply is awaited. */
  private <T> CompletableFuture<Map<String, T>> retrieve(
      Collection<String> keyList, BiConsumer<ByteBuf, List<byte[]>> command, Function<TextResponse.Value, T> decoder) {
    RoutingTable table = router.table();
    Map<Node, RetrievalOperation> byServer = new LinkedHashMap<>();
    for (String key : keyList) {
      byte[] wireKey = keys.encode(key);
      byServer.computeIfAbsent(table.locate(keys.routingKey(wireKey)), node -> new RetrievalOperation(command)).add(key, wireKey);
    }
    Map<String, T> values = new LinkedHashMap<>();
    CompletableFuture<?>[] replies = byServer.entrySet().stream()
        .map(entry -> sendToOwner(table, entry.getKey(), entry.getValue()))
        .toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(replies).thenApply(done -> {
      for (RetrievalOperation operation : byServer.values()) {
        operation.future().join().forEach((key, value) -> values.put(key, decoder.apply(value)));
      }
      return values;
    });
  }

  /** The same command on each of {@code nodes}; the results by server, in the order of {@code nodes}. */
  private <T> CompletableFuture<Map<Node, T>> onServers(Collection<Node> nodes, Supplier<Operation<T>> operations) {
    checkOpen();
    Map<Node, CompletableFuture<T>> replies = new LinkedHashMap<>();
    nodes.forEach(node -> replies.put(node, sendTo(node, operations.get())));
    return CompletableFuture.allOf(replies.values().toArray(CompletableFuture<?>[]::new)).thenApply(done -> {
      Map<Node, T> results = new LinkedHashMap<>();
      replies.forEach((node, reply) -> results.put(node, reply.join()));
      return results;
    });
  }

  /** The servers not marked dead, in configuration order. */
  private List<Node> serversNotDead() {
    RoutingTable table = router.table();
    return servers.keySet().stream().filter(node -> !table.isDead(node)).toList();
  }

  private ServerConnections server(Node node) {
    checkOpen();
    ServerConnections connections = servers.get(node);
    if (connections == null) {
      throw new IllegalStateException("locator: chose " + node + " (expected: one of " + config.servers() + ")");
    }
    return connections;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("client: closed (expected: open)");
    }
  }

  private V decode(TextResponse.Value value) {
    return transcoder.decode(new CachedData(value.flags(), value.data()));
  }

  private CasValue<V> decodeWithCas(TextResponse.Value value) {
    return new CasValue<>(decode(value), value.cas());
  }
}
