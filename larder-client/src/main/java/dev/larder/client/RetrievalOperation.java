package dev.larder.client;

import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code get}, {@code gets}, {@code gat} or {@code gats} for the keys one server owns: its VALUE
 * replies, by the caller's key, up to {@code END}.
 */
final class RetrievalOperation extends Operation<Map<String, TextResponse.Value>> {
  private final BiConsumer<ByteBuf, List<byte[]>> command;
  private final List<byte[]> wireKeys = new ArrayList<>();
  /** Caller's keys by wire key, read as ISO-8859-1 so that every byte maps to one char. */
  private final Map<String, String> keysByWireKey = new HashMap<>();
  private final Map<String, TextResponse.Value> hits = new HashMap<>();

  /** @param command writes the retrieval command for the wire keys */
  RetrievalOperation(BiConsumer<ByteBuf, List<byte[]>> command) {
    this.command = command;
  }

  /** Asks for {@code key}, sent as {@code wireKey}; a key already asked for is asked once. */
  void add(String key, byte[] wireKey) {
    if (keysByWireKey.putIfAbsent(new String(wireKey, StandardCharsets.ISO_8859_1), key) == null) {
      wireKeys.add(wireKey);
    }
  }

  @Override
  void encode(ByteBuf out) {
    command.accept(out, wireKeys);
  }

  @Override
  boolean onReply(TextResponse response) {
    if (response == TextResponse.Status.END) {
      complete(hits);
      return true;
    }
    if (response instanceof TextResponse.Value value) {
      String key = keysByWireKey.get(new String(value.key(), StandardCharsets.ISO_8859_1));
      if (key == null || hits.putIfAbsent(key, value) != null) {
        throw Replies.unexpected(response, "a retrieval of other keys");
      }
      return false;
    }
    throw Replies.unexpected(response, "a retrieval");
  }
}
