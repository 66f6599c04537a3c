package dev.larder.server;

import dev.larder.protocol.binary.BinaryRequest;
import dev.larder.protocol.binary.BinaryRequestDecoder;
import dev.larder.protocol.text.TextRequest;
import dev.larder.protocol.text.TextRequestDecoder;
import dev.larder.server.binary.BinaryCommandExecutor;
import dev.larder.server.text.TextCommandExecutor;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Tells a binary connection from a text one by its first byte, as memcached does: the binary request
 * magic (0x80) starts the binary protocol, anything else the text protocol (with meta commands).
 * Then it gives its place to that protocol's {@link ProtocolHandler}, which sees every byte.
 */
final class ProtocolDetector extends ChannelInboundHandlerAdapter {
  private final ServerContext server;
  private final ClientConnection connection;

  ProtocolDetector(ServerContext server, ClientConnection connection) {
    this.server = server;
    this.connection = connection;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf data = (ByteBuf) msg;
    if (!data.isReadable()) {
      data.release();
      return;
    }
    boolean binary = data.getUnsignedByte(data.readerIndex()) == BinaryRequestDecoder.REQUEST_MAGIC;
    ctx.pipeline().replace(this, "protocol", binary ? binaryHandler() : textHandler());
    ctx.fireChannelRead(data); // a replaced handler's context leads to its replacement
  }

  /** A client that shuts down its sending side before sending a byte is closed at once. */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      ctx.close();
    }
    ctx.fireUserEventTriggered(event);
  }

  private ProtocolHandler<TextRequest> textHandler() {
    TextRequestDecoder decoder = new TextRequestDecoder(server.config().maxItemSize());
    ReplyValues values = new ReplyValues();
    TextCommandExecutor executor = new TextCommandExecutor(server, connection, values);
    return new ProtocolHandler<>(server, connection,
        session(decoder::decode, decoder::hasMoreKeys, decoder::longValueAwaited, executor::execute, decoder::release),
        values);
  }

  private ProtocolHandler<BinaryRequest> binaryHandler() {
    BinaryRequestDecoder decoder = new BinaryRequestDecoder(server.config().maxItemSize());
    ReplyValues values = new ReplyValues();
    BinaryCommandExecutor executor = new BinaryCommandExecutor(server, connection, values);
    return new ProtocolHandler<>(server, connection,
        session(decoder::decode, () -> false, decoder::longValueAwaited, executor::execute, decoder::release), values);
  }

  private static <R> ProtocolSession<R> session(Function<ByteBuf, R> decode, BooleanSupplier hasMore,
      IntSupplier longValueAwaited, BiPredicate<R, ByteBuf> execute, Runnable release) {
    return new ProtocolSession<>() {
      @Override
      public R decode(ByteBuf in) {
        return decode.apply(in);
      }

      @Override
      public boolean hasMore() {
        return hasMore.getAsBoolean();
      }

      @Override
      public int longValueAwaited() {
        return longValueAwaited.getAsInt();
      }

      @Override
      public boolean execute(R request, ByteBuf replies) {
        return execute.test(request, replies);
      }

      @Override
      public void release() {
        release.run();
      }
    };
  }
}
