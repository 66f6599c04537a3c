package dev.larder.client;

import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/** A command sent with {@code noreply}: done, with true, once written. */
final class NoreplyOperation extends Operation<Boolean> {
  private final Consumer<ByteBuf> command;

  NoreplyOperation(Consumer<ByteBuf> command) {
    this.command = command;
  }

  @Override
  void encode(ByteBuf out) {
    command.accept(out);
  }

  @Override
  boolean expectsReply() {
    return false;
  }

  @Override
  void written() {
    complete(Boolean.TRUE);
  }

  /** Never called: the pipeline awaits no reply for this operation. */
  @Override
  boolean onReply(TextResponse response) {
    throw Replies.unexpected(response, "a noreply command");
  }
}
