package dev.larder.client;

import dev.larder.protocol.text.TextCommandWriter;
import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code get}, {@code gets}, {@code gat} or {@code gats} of one key: its VALUE reply, if any, up to
 * {@code END}. The most common command, so it has its own operation, without the maps a {@link
 * RetrievalOperation} of many keys needs; a plain {@code get} may also travel inside a {@link
 * MergedGetOperation}.
 */
final class SingleKeyRetrievalOperation extends Operation<TextResponse.Value> {
  private static final BiConsumer<ByteBuf, List<byte[]>> GET =
      (out, wireKeys) -> TextCommandWriter.writeGet(out, false, wireKeys);

  private final BiConsumer<ByteBuf, List<byte[]>> command;
  private final byte[] wireKey;
  private TextResponse.Value hit;

  /**
   * @param command writes the retrieval command for the wire keys
   * @param wireKey the key as sent
   */
  SingleKeyRetrievalOperation(BiConsumer<ByteBuf, List<byte[]>> command, byte[] wireKey) {
    this.command = command;
    this.wireKey = wireKey;
  }

  /** A plain {@code get} of {@code wireKey}, which the pipeline may merge with others. */
  static SingleKeyRetrievalOperation get(byte[] wireKey) {
    return new SingleKeyRetrievalOperation(GET, wireKey);
  }

  /** Whether this is a plain {@code get}, which can share one command line with others. */
  boolean isPlainGet() {
    return command == GET;
  }

  byte[] wireKey() {
    return wireKey;
  }

  @Override
  void encode(ByteBuf out) {
    command.accept(out, List.of(wireKey));
  }

  @Override
  boolean onReply(TextResponse response) {
    if (response == TextResponse.Status.END) {
      complete(hit);
      return true;
    }
    if (response instanceof TextResponse.Value value) {
      if (hit != null || !Arrays.equals(value.key(), wireKey)) {
        throw Replies.unexpected(response, "a retrieval of other keys");
      }
      hit = value;
      return false;
    }
    throw Replies.unexpected(response, "a retrieval");
  }
}
