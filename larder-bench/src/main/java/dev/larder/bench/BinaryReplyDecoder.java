package dev.larder.bench;

import dev.larder.protocol.binary.BinaryOpcodes;
import dev.larder.protocol.binary.BinaryReplies;
import dev.larder.protocol.binary.BinaryRequestDecoder;
import dev.larder.protocol.binary.BinaryStatus;
import io.netty.buffer.ByteBuf;

/**
 * Decodes binary-protocol responses: a 24-byte header, then a body of extras, key and value whose
 * length the header gives. The opcode and status say what the reply is; the body is skipped without
 * being copied.
 */
final class BinaryReplyDecoder implements ReplyDecoder {
  /** The reply whose body is being skipped, or null while reading a header. */
  private Reply pending;
  private long bodyRemaining;

  @Override
  public void decode(ByteBuf in, ReplyListener listener) {
    while (pending != null || readHeader(in)) {
      int skip = (int) Math.min(bodyRemaining, in.readableBytes());
      in.skipBytes(skip);
      bodyRemaining -= skip;
      if (bodyRemaining > 0) {
        return;
      }
      Reply reply = pending;
      pending = null;
      listener.onReply(reply);
    }
  }

  private boolean readHeader(ByteBuf in) {
    if (in.readableBytes() < BinaryRequestDecoder.HEADER_LENGTH) {
      return false;
    }
    int start = in.readerIndex();
    int magic = in.getUnsignedByte(start);
    if (magic != BinaryReplies.RESPONSE_MAGIC) {
      throw new ReplyFormatException(String.format("response magic 0x%02x (expected: 0x%02x)",
          magic, BinaryReplies.RESPONSE_MAGIC));
    }
    pending = replyOf(in.getUnsignedByte(start + 1), in.getUnsignedShort(start + 6));
    bodyRemaining = in.getUnsignedInt(start + 8);
    in.skipBytes(BinaryRequestDecoder.HEADER_LENGTH);
    return true;
  }

  /** What a response with {@code status} to a request with {@code opcode} means. */
  private static Reply replyOf(int opcode, int status) {
    boolean get = switch (BinaryOpcodes.plain(opcode)) {
      case BinaryOpcodes.GET, BinaryOpcodes.GETK -> true;
      case BinaryOpcodes.SET, BinaryOpcodes.NOOP -> false;
      default -> throw new ReplyFormatException(String.format("response to opcode 0x%02x", opcode));
    };
    return switch (status) {
      case BinaryStatus.SUCCESS -> get ? Reply.HIT : opcode == BinaryOpcodes.NOOP ? Reply.NO_OP : Reply.STORED;
      case BinaryStatus.KEY_NOT_FOUND -> get ? Reply.MISS : Reply.NOT_STORED;
      case BinaryStatus.KEY_EXISTS, BinaryStatus.NOT_STORED -> Reply.NOT_STORED;
      default -> Reply.ERROR;
    };
  }
}
