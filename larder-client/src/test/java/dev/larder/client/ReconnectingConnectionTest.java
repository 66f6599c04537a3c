package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.client.routing.Node;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reconnection as DNS sees it: each attempt looks the host name up again. */
class ReconnectingConnectionTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void everyAttemptResolvesTheHostNameAgainSoThatAServerThatMovedIsFound() throws Exception {
    List<String> lookups = new CopyOnWriteArrayList<>();
    // The first answer is an address where nothing listens; later ones are the server's.
    InetAddress nobody = InetAddress.getByName("127.0.0.2");
    InetAddress server = InetAddress.getByName("127.0.0.1");
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (ScriptedServer moved = new ScriptedServer(line -> "")) {
      Node node = Node.of("cache.test", moved.node().port());
      Bootstrap bootstrap = new Bootstrap()
          .group(group)
          .channel(NioSocketChannel.class)
          .resolver(resolver(host -> {
            lookups.add(host);
            return lookups.size() == 1 ? nobody : server;
          }))
          .handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
              channel.pipeline().addLast(new OperationPipeline(node, Duration.ofSeconds(1), 1024));
            }
          });
      ReconnectingConnection connection =
          new ReconnectingConnection(node, bootstrap, new ReconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(10)));

      connection.open();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (connection.pipeline() == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }

      assertThat(connection.pipeline()).as("connected to the server's new address").isNotNull();
      assertThat(lookups).hasSizeGreaterThanOrEqualTo(2).containsOnly("cache.test");
      connection.close();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** A name resolver that answers every lookup with {@code answer}. */
  private static AddressResolverGroup<InetSocketAddress> resolver(Function<String, InetAddress> answer) {
    return new AddressResolverGroup<>() {
      @Override
      protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetNameResolver(executor) {
          @Override
          protected void doResolve(String host, Promise<InetAddress> promise) {
            promise.setSuccess(answer.apply(host));
          }

          @Override
          protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            promise.setSuccess(List.of(answer.apply(host)));
          }
        }.asAddressResolver();
      }
    };
  }
}
