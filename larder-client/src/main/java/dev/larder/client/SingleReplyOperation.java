package dev.larder.client;

import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A command answered by one reply line: storage, cas, delete, incr/decr, touch, flush_all, version.
 *
 * @param <T> what the reply means
 */
final class SingleReplyOperation<T> extends Operation<T> {
  private final Consumer<ByteBuf> command;
  private final Function<TextResponse, T> meaning;

  /**
   * @param command writes the command
   * @param meaning what a reply means; throws {@link dev.larder.protocol.text.MalformedReplyException}
   *     for a reply that cannot answer the command
   */
  SingleReplyOperation(Consumer<ByteBuf> command, Function<TextResponse, T> meaning) {
    this.command = command;
    this.meaning = meaning;
  }

  @Override
  void encode(ByteBuf out) {
    command.accept(out);
  }

  @Override
  boolean onReply(TextResponse response) {
    complete(meaning.apply(response));
    return true;
  }
}
