package dev.larder.client;

import dev.larder.protocol.text.TextCommandWriter;
import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain single-key gets of different callers, written in the same batch, sent as one {@code get k1 k2
 * ...}: the server parses one command and sends one {@code END} instead of one per key. Servers answer
 * a multi-key get in the order of its keys, hits only, so each VALUE goes to the next member whose key
 * it names; at {@code END} every member completes, the others with a miss. When the merged operation
 * fails (an error reply, a timeout, a lost connection), every member fails with the same cause.
 */
final class MergedGetOperation extends Operation<Void> {
  /** The most gets one command carries: about 8 KB of keys at most, far below any server's line limit. */
  static final int MAX_KEYS = 32;

  private final List<SingleKeyRetrievalOperation> members;
  private final TextResponse.Value[] hits;
  /** The first member that may still receive a VALUE: replies come in key order. */
  private int next;

  /** @param members two or more plain gets of distinct keys, in the order they were submitted */
  MergedGetOperation(List<SingleKeyRetrievalOperation> members) {
    this.members = List.copyOf(members);
    this.hits = new TextResponse.Value[members.size()];
    this.submittedNanos = members.get(0).submittedNanos;
    future().whenComplete((done, failure) -> {
      if (failure != null) {
        this.members.forEach(member -> member.fail(failure));
      }
    });
  }

  @Override
  void encode(ByteBuf out) {
    List<byte[]> keys = new ArrayList<>(members.size());
    for (SingleKeyRetrievalOperation member : members) {
      keys.add(member.wireKey());
    }
    TextCommandWriter.writeGet(out, false, keys);
  }

  @Override
  boolean onReply(TextResponse response) {
    if (response == TextResponse.Status.END) {
      for (int i = 0; i < members.size(); i++) {
        members.get(i).complete(hits[i]);
      }
      complete(null);
      return true;
    }
    if (response instanceof TextResponse.Value value) {
      while (next < members.size() && !Arrays.equals(members.get(next).wireKey(), value.key())) {
        next++;
      }
      if (next == members.size()) {
        throw Replies.unexpected(response, "a retrieval of other keys");
      }
      hits[next++] = value;
      return false;
    }
    throw Replies.unexpected(response, "a retrieval");
  }
}
