package dev.larder.bench;

import io.netty.buffer.ByteBuf;

/**
 * Decodes a server's replies from a byte stream into {@link Reply} values: a state machine that reads
 * what is complete and leaves a partial reply in the buffer for the next call. One per connection.
 */
interface ReplyDecoder {
  /**
   * Reads every complete reply in {@code in} and passes each to {@code listener}.
   *
   * @throws ReplyFormatException if the bytes are not a reply of the decoder's protocol
   */
  void decode(ByteBuf in, ReplyListener listener);
}
