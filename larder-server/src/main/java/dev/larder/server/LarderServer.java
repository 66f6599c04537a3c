package dev.larder.server;

import dev.larder.storage.CacheClock;
import dev.larder.storage.EngineConfig;
import dev.larder.storage.SegmentEngine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Larder server: one listening socket, {@code -t} event loops, one engine. Start it with
 * {@link #start}, stop it with {@link #close} (or the {@code shutdown} command when enabled).
 */
public final class LarderServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LarderServer.class);

  /** Bytes of queued replies past which a connection stops reading until its client catches up. */
  private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  private final Transport transport;
  private final ServerContext context;
  private final Channel listener;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();

  private LarderServer(ServerConfig config) throws InterruptedException {
    this.transport = Transport.best(config.threads());
    EngineConfig engineConfig = new EngineConfig(
        config.memoryLimitBytes(), config.maxItemSize(), config.evictions(), CacheClock.SYSTEM);
    this.context = new ServerContext(
        config, new SegmentEngine(engineConfig), CacheClock.SYSTEM, this::closeInBackground);
    try {
      this.listener = new ServerBootstrap()
          .group(transport.boss(), transport.workers())
          .channel(transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
          // A client that shuts down its sending side (`printf ... | nc`) still gets every reply, as
          // from memcached: the protocol handler closes once they are written.
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childHandler(new ConnectionInitializer(context))
          .bind(config.listen(), config.port())
          .sync()
          .channel();
    } catch (RuntimeException | InterruptedException e) {
      transport.shutdown();
      throw e;
    }
  }

  /**
   * Binds and starts a server; returns once it accepts connections.
   *
   * @throws InterruptedException if interrupted while binding
   * @throws RuntimeException (from Netty) if the address cannot be bound
   */
  public static LarderServer start(ServerConfig config) throws InterruptedException {
    LarderServer server = new LarderServer(config);
    ServerConfig c = config;
    log.info("listening on {}:{} with {} ({} event loops, memory {} MB, max item {} bytes, "
            + "max connections {}, evictions {}, idle timeout {} s)",
        c.listen(), server.port(), server.transport.name(), c.threads(),
        c.memoryLimitBytes() / ServerConfig.MEGABYTE, c.maxItemSize(), c.connectionLimit(),
        c.evictions() ? "on" : "off", c.idleTimeout().toSeconds());
    return server;
  }

  /** The bound TCP port; useful when started on port 0. */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** The state all connections share, for tests and tools that look inside. */
  public ServerContext context() {
    return context;
  }

  /** Blocks until the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /** Stops accepting, closes every connection, releases the engine; waits for all of it. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    log.info("shutting down");
    listener.close().syncUninterruptibly();
    transport.shutdown();
    context.engine().close();
    log.info("stopped");
    terminated.countDown();
  }

  // The shutdown command arrives on an event loop, which must not wait for itself to stop.
  private void closeInBackground() {
    Thread stopper = new Thread(this::close, "larder-shutdown");
    stopper.setDaemon(false);
    stopper.start();
  }

  private void awaitQuietly() {
    try {
      terminated.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
