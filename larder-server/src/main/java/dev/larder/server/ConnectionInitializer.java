package dev.larder.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds each accepted connection's pipeline: idle timeout, admission, then the protocol, chosen by
 * the connection's first byte.
 */
final class ConnectionInitializer extends ChannelInitializer<Channel> {
  private final ServerContext server;

  ConnectionInitializer(ServerContext server) {
    this.server = server;
  }

  @Override
  protected void initChannel(Channel channel) {
    ClientConnection connection = new ClientConnection(
        server.connections().nextId(), channel.remoteAddress(), server.clock().millis());
    long idleMillis = server.config().idleTimeout().toMillis();
    if (idleMillis > 0) {
      // Ahead of admission, which acts on the idle events this fires.
      channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
    }
    ReusedReadBuffer reads = new ReusedReadBuffer();
    channel.config().setRecvByteBufAllocator(reads);
    channel.closeFuture().addListener(closed -> reads.release());
    channel.pipeline().addLast("admission", new AdmissionHandler(server, connection));
    channel.pipeline().addLast("protocol", new ProtocolDetector(server, connection));
  }
}
