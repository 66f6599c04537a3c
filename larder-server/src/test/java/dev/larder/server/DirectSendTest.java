package dev.larder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import org.junit.jupiter.api.Test;

/** Replies skip the channel only where nothing else could need to see them. */
class DirectSendTest {
  private final ChannelHandler protocol = new ChannelInboundHandlerAdapter();

  @Test
  void aNativeSocketWithOnlyInboundHandlersAheadSendsDirectly() {
    Channel channel = nativeChannel();
    try {
      channel.pipeline().addLast(new ChannelInboundHandlerAdapter(), protocol);
      assertThat(DirectSend.of(channel.pipeline().context(protocol))).isNotNull();
    } finally {
      channel.unsafe().closeForcibly(); // never registered, so no event loop to close it on
    }
  }

  @Test
  void anOutboundHandlerAheadKeepsRepliesInTheChannel() {
    Channel channel = nativeChannel();
    try {
      channel.pipeline().addLast(new IdleStateHandler(0, 0, 1), protocol); // sees writes, as TLS would
      assertThat(DirectSend.of(channel.pipeline().context(protocol))).isNull();
    } finally {
      channel.unsafe().closeForcibly(); // never registered, so no event loop to close it on
    }
  }

  @Test
  void aChannelWithoutANativeSocketKeepsRepliesInTheChannel() {
    EmbeddedChannel channel = new EmbeddedChannel(protocol);
    assertThat(DirectSend.of(channel.pipeline().context(protocol))).isNull();
    channel.finishAndReleaseAll();
  }

  private static Channel nativeChannel() {
    assumeTrue(Epoll.isAvailable(), "native epoll, which Linux x86-64 and aarch64 have");
    return new EpollSocketChannel();
  }
}
