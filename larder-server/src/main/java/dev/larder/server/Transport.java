package dev.larder.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** The event loops and channel type: native epoll on Linux when it loads, Java NIO otherwise. */
final class Transport {
  private final String name;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Class<? extends ServerChannel> serverChannel;

  private Transport(String name, EventLoopGroup boss, EventLoopGroup workers,
      Class<? extends ServerChannel> serverChannel) {
    this.name = name;
    this.boss = boss;
    this.workers = workers;
    this.serverChannel = serverChannel;
  }

  static Transport best(int threads) {
    DefaultThreadFactory acceptor = new DefaultThreadFactory("larder-accept");
    DefaultThreadFactory loops = new DefaultThreadFactory("larder-loop");
    if (Epoll.isAvailable()) {
      return new Transport("epoll", new EpollEventLoopGroup(1, acceptor),
          new EpollEventLoopGroup(threads, loops), EpollServerSocketChannel.class);
    }
    return new Transport("nio", new NioEventLoopGroup(1, acceptor),
        new NioEventLoopGroup(threads, loops), NioServerSocketChannel.class);
  }

  String name() {
    return name;
  }

  EventLoopGroup boss() {
    return boss;
  }

  EventLoopGroup workers() {
    return workers;
  }

  Class<? extends ServerChannel> serverChannel() {
    return serverChannel;
  }

  void shutdown() {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
