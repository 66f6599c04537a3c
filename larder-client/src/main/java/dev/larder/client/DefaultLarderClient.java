package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import dev.larder.client.transcoder.CachedData;
import dev.larder.client.transcoder.Transcoder;
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

/** {@link LarderClient} over a fixed set of servers, each with its own {@link ServerConnections}. */
final class DefaultLarderClient<V> implements LarderClient<V> {
  private final ClientConfig config;
  private final Transcoder<V> transcoder;
  private final KeyEncoder keys;
  private final NodeLocator locator;
  private final ClientTransport transport;
  private final Map<Node, ServerConnections> servers = new LinkedHashMap<>();
  private final BlockingLarderClient<V> sync;
  private volatile boolean closed;

  private DefaultLarderClient(ClientConfig config, Transcoder<V> transcoder, KeyEncoder keys) {
    this.config = config;
    this.transcoder = transcoder;
    this.keys = keys;
    // With one server every locator gives the same answer: skip the hashing, as libmemcached does.
    Node onlyServer = config.servers().get(0);
    this.locator = config.servers().size() == 1 ? key -> onlyServer : config.locator().apply(config.servers());
    int connections = config.servers().size() * config.connectionsPerServer();
    this.transport = ClientTransport.best(Math.min(connections, Runtime.getRuntime().availableProcessors()));
    for (Node node : config.servers()) {
      servers.put(node, new ServerConnections(node, config, transport));
    }
    this.sync = new BlockingLarderClient<>(this, config.operationTimeout());
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
    return send(wireKey, SingleKeyRetrievalOperation.get(wireKey))
        .thenApply(value -> value == null ? null : decode(value));
  }

  @Override
  public CompletableFuture<Map<String, V>> getAll(Collection<String> keyList) {
    return retrieve(keyList, (out, wireKeys) -> TextCommandWriter.writeGet(out, false, wireKeys), this::decode);
  }

  @Override
  public CompletableFuture<CasValue<V>> gets(String key) {
    return retrieveOne(key, (out, wireKeys) -> TextCommandWriter.writeGet(out, true, wireKeys))
        .thenApply(value -> value == null ? null : decodeWithCas(value));
  }

  @Override
  public CompletableFuture<Map<String, CasValue<V>>> getsAll(Collection<String> keyList) {
    return retrieve(keyList, (out, wireKeys) -> TextCommandWriter.writeGet(out, true, wireKeys), this::decodeWithCas);
  }

  @Override
  public CompletableFuture<V> getAndTouch(String key, int exptime) {
    return retrieveOne(key, (out, wireKeys) -> TextCommandWriter.writeGetAndTouch(out, false, exptime, wireKeys))
        .thenApply(value -> value == null ? null : decode(value));
  }

  @Override
  public CompletableFuture<CasValue<V>> getsAndTouch(String key, int exptime) {
    return retrieveOne(key, (out, wireKeys) -> TextCommandWriter.writeGetAndTouch(out, true, exptime, wireKeys))
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
    return send(wireKey, new SingleReplyOperation<>(
        out -> TextCommandWriter.writeCas(out, wireKey, data.flags(), exptime, data.bytes(), cas, false),
        Replies::casResult));
  }

  @Override
  public CompletableFuture<Boolean> delete(String key) {
    byte[] wireKey = keys.encode(key);
    return sendMaybeNoreply(wireKey, noreply -> out -> TextCommandWriter.writeDelete(out, wireKey, noreply),
        Replies::deleted);
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
    return send(wireKey, new SingleReplyOperation<>(
        out -> TextCommandWriter.writeTouch(out, wireKey, exptime, false), Replies::touched));
  }

  @Override
  public CompletableFuture<Void> flushAll(int delay) {
    return everyServer(() -> new SingleReplyOperation<>(
        out -> TextCommandWriter.writeFlushAll(out, delay, false), Replies::ok))
        .thenApply(done -> null);
  }

  @Override
  public CompletableFuture<Map<Node, Map<String, String>>> stats(String group) {
    TextCommandWriter.checkStatsArgs(group);
    return everyServer(() -> new StatsOperation(group));
  }

  @Override
  public CompletableFuture<Map<Node, String>> version() {
    return everyServer(() -> new SingleReplyOperation<>(TextCommandWriter::writeVersion, Replies::version));
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
        noreply -> out -> TextCommandWriter.writeStore(out, command, wireKey, data.flags(), exptime, data.bytes(), noreply),
        Replies::stored);
  }

  private CompletableFuture<Long> incrDecr(boolean increment, String key, long delta) {
    byte[] wireKey = keys.encode(key);
    return send(wireKey, new SingleReplyOperation<>(
        out -> TextCommandWriter.writeIncrDecr(out, increment, wireKey, delta, false), Replies::number));
  }

  /** A storage or delete command, sent with noreply when so configured. */
  private CompletableFuture<Boolean> sendMaybeNoreply(
      byte[] wireKey, Function<Boolean, Consumer<ByteBuf>> command, Function<TextResponse, Boolean> meaning) {
    Operation<Boolean> operation = config.noreply()
        ? new NoreplyOperation(command.apply(true))
        : new SingleReplyOperation<>(command.apply(false), meaning);
    return send(wireKey, operation);
  }

  private <T> CompletableFuture<T> send(byte[] wireKey, Operation<T> operation) {
    return server(locator.locate(keys.routingKey(wireKey))).send(operation);
  }

  private CompletableFuture<TextResponse.Value> retrieveOne(String key, BiConsumer<ByteBuf, List<byte[]>> command) {
    byte[] wireKey = keys.encode(key);
    return send(wireKey, new SingleKeyRetrievalOperation(command, wireKey));
  }

  /** One retrieval per server that owns any of {@code keyList}, all sent before any reply is awaited. */
  private <T> CompletableFuture<Map<String, T>> retrieve(
      Collection<String> keyList, BiConsumer<ByteBuf, List<byte[]>> command, Function<TextResponse.Value, T> decoder) {
    Map<Node, RetrievalOperation> byServer = new LinkedHashMap<>();
    for (String key : keyList) {
      byte[] wireKey = keys.encode(key);
      byServer.computeIfAbsent(locator.locate(keys.routingKey(wireKey)), node -> new RetrievalOperation(command)).add(key, wireKey);
    }
    Map<String, T> values = new LinkedHashMap<>();
    CompletableFuture<?>[] replies = byServer.entrySet().stream()
        .map(entry -> server(entry.getKey()).send(entry.getValue()))
        .toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(replies).thenApply(done -> {
      for (RetrievalOperation operation : byServer.values()) {
        operation.future().join().forEach((key, value) -> values.put(key, decoder.apply(value)));
      }
      return values;
    });
  }

  /** The same command on every server; the results by server, in configuration order. */
  private <T> CompletableFuture<Map<Node, T>> everyServer(Supplier<Operation<T>> operations) {
    checkOpen();
    Map<Node, CompletableFuture<T>> replies = new LinkedHashMap<>();
    servers.forEach((node, connections) -> replies.put(node, connections.send(operations.get())));
    return CompletableFuture.allOf(replies.values().toArray(CompletableFuture<?>[]::new)).thenApply(done -> {
      Map<Node, T> results = new LinkedHashMap<>();
      replies.forEach((node, reply) -> results.put(node, reply.join()));
      return results;
    });
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
