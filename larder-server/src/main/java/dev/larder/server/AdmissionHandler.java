package dev.larder.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a connection under the {@code -c} limit (memcached's reply and close otherwise), keeps the
 * registry that {@code curr_connections} and {@code stats conns} read, and closes idle connections.
 */
final class AdmissionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(AdmissionHandler.class);
  private static final byte[] TOO_MANY =
      "ERROR Too many open connections\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerContext server;
  private final ClientConnection connection;
  private boolean admitted;

  AdmissionHandler(ServerContext server, ClientConnection connection) {
    this.server = server;
    this.connection = connection;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (!server.connections().tryAdd(connection, server.config().connectionLimit())) {
      server.stats().rejectedConnections.increment();
      log.warn("refused connection from {}: {} connections open (limit {})",
          connection.remote(), server.connections().size(), server.config().connectionLimit());
      ctx.writeAndFlush(Unpooled.wrappedBuffer(TOO_MANY)).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    admitted = true;
    server.stats().totalConnections.increment();
    if (server.verbosity() > 0) {
      log.info("<{} new connection from {}", connection.id(), connection.remote());
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (admitted) {
      ctx.fireChannelRead(msg);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (admitted) {
      server.connections().remove(connection);
      if (server.verbosity() > 0) {
        log.info(">{} connection closed", connection.id());
      }
      ctx.fireChannelInactive();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      server.stats().idleKicks.increment();
      if (server.verbosity() > 0) {
        log.info(">{} closing idle connection", connection.id());
      }
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }
}
