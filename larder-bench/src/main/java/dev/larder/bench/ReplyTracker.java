package dev.larder.bench;

/**
 * Follows the replies to the oldest request in flight and says when they are complete, counting the
 * hits of a get and whether the server refused or failed the request.
 */
final class ReplyTracker {
  private boolean set;
  private int keys;
  private Protocol.GetEnd getEnd;
  private int hits;
  private boolean failed;

  /** Starts following a get of {@code keys} keys whose replies end as {@code getEnd} says. */
  void expectGet(int keys, Protocol.GetEnd getEnd) {
    begin(false, keys, getEnd);
  }

  /** Starts following a set. */
  void expectSet() {
    begin(true, 1, null);
  }

  /**
   * Takes the next reply.
   *
   * @return whether the request is now complete
   * @throws ReplyFormatException if the reply cannot answer the request
   */
  boolean accept(Reply reply) {
    return set ? acceptForSet(reply) : acceptForGet(reply);
  }

  boolean isSet() {
    return set;
  }

  int hits() {
    return hits;
  }

  /** Keys asked for and not found; none when the request failed. */
  int misses() {
    return set || failed ? 0 : keys - hits;
  }

  /** Whether the server refused the set or answered with an error. */
  boolean failed() {
    return failed;
  }

  private void begin(boolean isSet, int keyCount, Protocol.GetEnd end) {
    set = isSet;
    keys = keyCount;
    getEnd = end;
    hits = 0;
    failed = false;
  }

  private boolean acceptForSet(Reply reply) {
    switch (reply) {
      case STORED -> {
        return true;
      }
      case NOT_STORED, ERROR -> {
        failed = true;
        return true;
      }
      default -> throw unexpected(reply);
    }
  }

  private boolean acceptForGet(Reply reply) {
    if (reply == Reply.HIT) {
      hits++;
      return getEnd == Protocol.GetEnd.AT_FIRST_REPLY;
    }
    if (reply == Reply.ERROR) {
      failed = true;
      return getEnd != Protocol.GetEnd.AT_NO_OP;
    }
    boolean complete = switch (getEnd) {
      case AT_END -> reply == Reply.END;
      case AT_FIRST_REPLY -> reply == Reply.MISS;
      case AT_NO_OP -> reply == Reply.NO_OP;
    };
    if (!complete) {
      throw unexpected(reply);
    }
    return true;
  }

  private ReplyFormatException unexpected(Reply reply) {
    return new ReplyFormatException("unexpected " + reply + " reply to a " + (set ? "set" : "get"));
  }
}
