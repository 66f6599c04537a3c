package dev.larder.client;

import dev.larder.client.routing.Node;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections to one server: operations join a connection whose batch is about to be written, or
 * else take them in turn, skipping any that is down; they fail at once when none is open or when too
 * many operations already await replies from the server.
 */
final class ServerConnections {
  private final Node node;
  private final OutstandingLimit limit;
  private final List<ReconnectingConnection> connections = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  ServerConnections(Node node, ClientConfig config, ClientTransport transport) {
    this.node = node;
    this.limit = new OutstandingLimit(config.maxOutstandingPerServer());
    Bootstrap bootstrap = new Bootstrap()
        .group(transport.group())
        .channel(transport.channelType())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(
                new OperationPipeline(node, config.operationTimeout(), config.maxValueBytes()));
          }
        });
    for (int i = 0; i < config.connectionsPerServer(); i++) {
      connections.add(new ReconnectingConnection(node, bootstrap, config.reconnectBackoff()));
    }
  }

  /** Opens every connection; the future completes when each has made its first attempt. */
  CompletableFuture<Void> open() {
    return CompletableFuture.allOf(connections.stream().map(ReconnectingConnection::open)
        .toArray(CompletableFuture<?>[]::new));
  }

  /** Sends {@code operation} on the next open connection, or fails it at once. */
  <T> CompletableFuture<T> send(Operation<T> operation) {
    OperationPipeline pipeline = nextOpenPipeline();
    if (pipeline == null) {
      operation.fail(new ServerUnavailableException(node));
    } else if (!limit.tryAcquire()) {
      operation.fail(new OverloadedException(node, limit.max()));
    } else {
      operation.holds(limit);
      pipeline.submit(operation);
    }
    return operation.future();
  }

  /** Whether any connection is open now. */
  boolean isConnected() {
    return connections.stream().anyMatch(connection -> connection.pipeline() != null);
  }

  void close() {
    connections.forEach(ReconnectingConnection::close);
  }

  /**
   * An open connection whose next batch is already scheduled, so that the operation rides along (no
   * wake-up of the event loop, one more key in a merged get); else the next open one in turn; null
   * when none is open.
   */
  private OperationPipeline nextOpenPipeline() {
    int start = next.getAndIncrement();
    OperationPipeline nextInTurn = null;
    for (int i = 0; i < connections.size(); i++) {
      OperationPipeline pipeline = connections.get(Math.floorMod(start + i, connections.size())).pipeline();
      if (pipeline != null) {
        if (pipeline.batchPending()) {
          return pipeline;
        }
        if (nextInTurn == null) {
          nextInTurn = pipeline;
        }
      }
    }
    return nextInTurn;
  }
}
