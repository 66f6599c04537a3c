package dev.larder.client;

import dev.larder.client.routing.Distribution;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import dev.larder.client.routing.Nodes;
import dev.larder.client.transcoder.SerdeTranscoder;
import dev.larder.client.transcoder.Transcoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures and builds a {@link LarderClient}; get one from {@link LarderClient#builder()}. Every
 * setting has a finite default, so a client built with only {@link #servers} never waits forever.
 *
 * <pre>{@code
 * LarderClient<String> client = LarderClient.builder()
 *     .servers("cache1:11211,cache2:11211")
 *     .operationTimeout(Duration.ofMillis(200))
 *     .build(stringTranscoder);
 * }</pre>
 */
public final class LarderClientBuilder {
  /** The largest item memcached can be configured to hold ({@code -I 1024m}). */
  private static final int LARGEST_ITEM = 1 << 30;

  private List<Node> servers = List.of();
  private Function<List<Node>, NodeLocator> locator = Distribution.KETAMA::locator;
  private Duration connectTimeout = Duration.ofSeconds(1);
  private Duration operationTimeout = Duration.ofSeconds(1);
  private int connectionsPerServer = 2;
  /** 0: one per connection, at most one per CPU. */
  private int ioThreads;
  private int maxOutstandingPerServer = 16_384;
  private boolean noreply;
  private String keyPrefix = "";
  private ReconnectBackoff reconnectBackoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));
  private int maxValueBytes = LARGEST_ITEM;
  private DeadServerPolicy deadServerPolicy = DeadServerPolicy.PYMEMCACHE;
  private FailureMode failureMode = FailureMode.REDISTRIBUTE;
  private ClientProtocol protocol = ClientProtocol.AUTO;

  LarderClientBuilder() {}

  /** The servers keys are spread over; required. The locator sees them in this order. */
  public LarderClientBuilder servers(List<Node> nodes) {
    if (nodes == null || nodes.isEmpty()) {
      throw new IllegalArgumentException("servers: " + nodes + " (expected: at least one server)");
    }
    this.servers = List.copyOf(nodes);
    return this;
  }

  /**
   * The servers as {@code host:port} separated by commas ({@code "cache1:11211,cache2:11212"}); a
   * missing port is {@value Node#DEFAULT_PORT}, and IPv6 addresses are written in brackets.
   */
  public LarderClientBuilder servers(String hostPorts) {
    return servers(Nodes.parse(Objects.requireNonNull(hostPorts, "hostPorts")));
  }

  /** How keys are spread over the servers: builds the locator from the server list. */
  public LarderClientBuilder locator(Function<List<Node>, NodeLocator> locatorFactory) {
    this.locator = Objects.requireNonNull(locatorFactory, "locatorFactory");
    return this;
  }

  /** The longest a connection attempt may take; default 1 second. */
  public LarderClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    return this;
  }

  /**
   * The longest an operation waits for its reply before failing with {@link CacheTimeoutException};
   * also how long the blocking client waits. Default 1 second.
   */
  public LarderClientBuilder operationTimeout(Duration timeout) {
    this.operationTimeout = positive("operationTimeout", timeout);
    return this;
  }

  /** Pipelined connections kept open to each server; requests take them in turn. Default 2. */
  public LarderClientBuilder connectionsPerServer(int connections) {
    if (connections < 1 || connections > 64) {
      throw new IllegalArgumentException("connectionsPerServer: " + connections + " (expected: 1..64)");
    }
    this.connectionsPerServer = connections;
    return this;
  }

  /**
   * The event-loop threads that carry every connection of this client: they write the batched
   * requests, read the replies and complete the futures. Default: one per connection, at most one
   * per CPU. With fewer threads than connections each thread carries several, as xmemcached's
   * reactors do; what that changes under load is measured in docs/benchmarks.md (W5).
   */
  public LarderClientBuilder ioThreads(int threads) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("ioThreads: " + threads + " (expected: 1..1024)");
    }
    this.ioThreads = threads;
    return this;
  }

  /**
   * The most operations that may await a reply from one server; past it, commands fail at once with
   * {@link OverloadedException}. Default 16384.
   */
  public LarderClientBuilder maxOutstandingPerServer(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("maxOutstandingPerServer: " + limit + " (expected: >= 1)");
    }
    this.maxOutstandingPerServer = limit;
    return this;
  }

  /**
   * Whether storage commands (set, add, replace, append, prepend) and delete are sent with {@code
   * noreply}: their futures then complete with true once written, and the server's verdict is never
   * known. Default false.
   */
  public LarderClientBuilder noreply(boolean enabled) {
    this.noreply = enabled;
    return this;
  }

  /** Put before every key on the wire (and so hashed with it); default none. */
  public LarderClientBuilder keyPrefix(String prefix) {
    this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
    return this;
  }

  /**
   * The wait before reconnecting after a connection is lost or refused: {@code min}, doubling with each
   * failed attempt up to {@code max}, jittered. Default 100 ms to 10 s.
   */
  public LarderClientBuilder reconnectBackoff(Duration min, Duration max) {
    this.reconnectBackoff = new ReconnectBackoff(min, max);
    return this;
  }

  /**
   * The largest value accepted in a reply; a server announcing more is treated as broken and its
   * connection closed. Default 1 GiB, the largest item memcached can be configured to hold.
   */
  public LarderClientBuilder maxValueBytes(int bytes) {
    if (bytes < 0 || bytes > LARGEST_ITEM) {
      throw new IllegalArgumentException("maxValueBytes: " + bytes + " (expected: 0.." + LARGEST_ITEM + ")");
    }
    this.maxValueBytes = bytes;
    return this;
  }

  /**
   * When a failing server is marked dead, and for how long, as in pymemcache's {@code HashClient}: a
   * server is dead once it has failed {@code retryAttempts} more times after a first failure, with no
   * success in between, counting only failures at least {@code retryTimeout} after the last one counted
   * (so the commands that fail together when a connection drops count once). It is then left out for
   * {@code deadTimeout}, and back as soon as it has an open connection after that (its connections keep
   * reconnecting in the background all along). What happens to its keys meanwhile is the {@link
   * #failureMode}.
   *
   * <p>The failures that count say the server is away: no open connection ({@link
   * ServerUnavailableException}), a connection lost mid-command ({@link ConnectionLostException}), no
   * reply in time ({@link CacheTimeoutException}). Replies never count, error replies included.
   *
   * <p>Default pymemcache's: 2 retry attempts, a 1 second retry timeout and a 60 second dead timeout,
   * so a server that fails for 2 seconds is left out for a minute.
   *
   * @param retryAttempts failures after the first before the server is dead, >= 0; 0 marks it dead at
   *     its first failure
   * @param retryTimeout the least time between two counted failures, > 0
   * @param deadTimeout how long a dead server is left out, > 0
   */
  public LarderClientBuilder deadServerPolicy(int retryAttempts, Duration retryTimeout, Duration deadTimeout) {
    this.deadServerPolicy = new DeadServerPolicy(retryAttempts, retryTimeout, deadTimeout);
    return this;
  }

  /**
   * What happens to the keys of a server marked dead (see {@link #deadServerPolicy}): {@link
   * FailureMode#REDISTRIBUTE}, the default, sends them to the other servers; {@link FailureMode#FAIL}
   * fails their commands at once with {@link ServerUnavailableException}.
   */
  public LarderClientBuilder failureMode(FailureMode mode) {
    this.failureMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * The protocol of single-key commands ({@code get gets getAndTouch getsAndTouch set add replace
   * append prepend cas delete incr decr touch}): {@link ClientProtocol#AUTO}, the default, sends them
   * as meta commands ({@code mg ms md ma}) to servers that speak the meta protocol and as text commands
   * to the others; {@link ClientProtocol#TEXT} always as text; {@link ClientProtocol#META} always as
   * meta. Results are the same in both. Multi-key gets, {@code stats}, {@code version} and {@code
   * flush_all} are always text commands, and so are storage commands and delete with {@link #noreply}
   * (their futures complete once written, whatever the protocol).
   */
  public LarderClientBuilder protocol(ClientProtocol protocol) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    return this;
  }

  /**
   * Connects a client for the values pymemcache shares with Python services: {@code String},
   * {@code Integer}/{@code Long}, {@code byte[]}, and other {@code Serializable} objects for Java
   * readers only, with {@link SerdeTranscoder}'s flags.
   */
  public LarderClient<Object> build() {
    return build(new SerdeTranscoder());
  }

  /**
   * Builds the client and opens its connections, waiting at most the connect timeout for them. A
   * server that cannot be reached does not fail the build: its keys fail with {@link
   * ServerUnavailableException} until a reconnection succeeds.
   *
   * @param transcoder turns values into stored bytes and flags, and back
   * @param <V> the type of values
   * @throws IllegalArgumentException if no servers were given or the key prefix breaks the key rules
   */
  public <V> LarderClient<V> build(Transcoder<V> transcoder) {
    Objects.requireNonNull(transcoder, "transcoder");
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("servers: [] (expected: at least one server)");
    }
    ClientConfig config = new ClientConfig(servers, locator, connectTimeout, operationTimeout,
        connectionsPerServer, ioThreads, maxOutstandingPerServer, noreply, keyPrefix,
        reconnectBackoff, maxValueBytes, deadServerPolicy, failureMode, protocol);
    return DefaultLarderClient.connect(config, transcoder);
  }

  private static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
    return value;
  }
}
