package dev.larder.client;

import dev.larder.client.routing.Node;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of a server's connections, kept open: when it is lost or refused, it is retried after a
 * jittered, capped exponential backoff, resolving the host name again on every attempt so that a
 * server that moved is found. (The address is handed to Netty unresolved; its default resolver asks
 * the JVM, whose cache keeps an answer for {@code networkaddress.cache.ttl}, 30 seconds by default.)
 */
final class ReconnectingConnection {
  private static final Logger log = LoggerFactory.getLogger(ReconnectingConnection.class);

  private final Node node;
  private final Bootstrap bootstrap;
  private final ReconnectBackoff backoff;
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
  /** The open connection's pipeline, or null while there is none. */
  private volatile OperationPipeline pipeline;
  private volatile Channel channel;
  private volatile boolean closed;
  /** Attempts since the last success; touched by one attempt at a time. */
  private int failedAttempts;

  ReconnectingConnection(Node node, Bootstrap bootstrap, ReconnectBackoff backoff) {
    this.node = node;
    this.bootstrap = bootstrap;
    this.backoff = backoff;
  }

  /** Starts the first attempt; the future completes when it has succeeded or failed. */
  CompletableFuture<Void> open() {
    connect();
    return firstAttempt;
  }

  /** The open connection's pipeline, or null while there is none. */
  OperationPipeline pipeline() {
    return pipeline;
  }

  /** Closes the connection and stops reconnecting. */
  void close() {
    closed = true;
    Channel open = channel;
    if (open != null) {
      open.close();
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    bootstrap.connect(InetSocketAddress.createUnresolved(node.host(), node.port())).addListener((ChannelFutureListener) this::connected);
  }

  private void connected(ChannelFuture attempt) {
    if (attempt.isSuccess()) {
      use(attempt.channel());
    } else {
      log.debug("connecting to {} failed (attempt {})", node, failedAttempts + 1, attempt.cause());
      reconnectLater();
    }
    firstAttempt.complete(null);
  }

  private void use(Channel open) {
    failedAttempts = 0;
    channel = open;
    pipeline = open.pipeline().get(OperationPipeline.class);
    open.closeFuture().addListener(closing -> {
      pipeline = null;
      channel = null;
      if (!closed) {
        log.warn("connection to {} lost; reconnecting", node);
      }
      reconnectLater();
    });
    if (closed) {
      open.close();
    }
  }

  private void reconnectLater() {
    if (closed) {
      return;
    }
    try {
      bootstrap.config().group().schedule(this::connect, backoff.delayNanos(failedAttempts++), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      closed = true;
    }
  }
}
