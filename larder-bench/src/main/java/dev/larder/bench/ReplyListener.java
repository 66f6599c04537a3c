package dev.larder.bench;

/** Receives the replies a {@link ReplyDecoder} finds, in order. */
@FunctionalInterface
public interface ReplyListener {
  void onReply(Reply reply);
}
