package dev.larder.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The client's event loops, shared by all its connections, and the channel type: native epoll on Linux
 * when it loads, Java NIO otherwise. The threads are daemons, so a client left open does not keep the
 * JVM alive.
 */
final class ClientTransport {
  private final EventLoopGroup group;
  private final Class<? extends Channel> channelType;

  private ClientTransport(EventLoopGroup group, Class<? extends Channel> channelType) {
    this.group = group;
    this.channelType = channelType;
  }

  static ClientTransport best(int threads) {
    DefaultThreadFactory factory = new DefaultThreadFactory("larder-client", true);
    if (Epoll.isAvailable()) {
      return new ClientTransport(new EpollEventLoopGroup(threads, factory), EpollSocketChannel.class);
    }
    return new ClientTransport(new NioEventLoopGroup(threads, factory), NioSocketChannel.class);
  }

  EventLoopGroup group() {
    return group;
  }

  Class<? extends Channel> channelType() {
    return channelType;
  }

  void shutdown() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
