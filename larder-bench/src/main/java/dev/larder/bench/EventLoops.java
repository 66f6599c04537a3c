package dev.larder.bench;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bench's client event loops: native epoll on Linux when it loads, Java NIO otherwise. */
final class EventLoops implements AutoCloseable {
  private final EventLoopGroup group;
  private final Class<? extends SocketChannel> channelType;
  private final List<EventLoop> loops = new ArrayList<>();

  EventLoops(int threads) {
    DefaultThreadFactory factory = new DefaultThreadFactory("larder-bench");
    if (Epoll.isAvailable()) {
      group = new EpollEventLoopGroup(threads, factory);
      channelType = EpollSocketChannel.class;
    } else {
      group = new NioEventLoopGroup(threads, factory);
      channelType = NioSocketChannel.class;
    }
    for (EventExecutor loop : group) {
      loops.add((EventLoop) loop);
    }
  }

  /** The loops, each its own thread; a channel registered on one is served by it alone. */
  List<EventLoop> loops() {
    return loops;
  }

  Class<? extends SocketChannel> channelType() {
    return channelType;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
