package dev.larder.server.meta;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.meta.MetaReplies;
import dev.larder.protocol.text.MetaFlags;
import io.netty.buffer.ByteBuf;

/** The reply line every meta command ends with when it has no item to describe: a code, then O and k. */
final class MetaReplyLine {
  private MetaReplyLine() {}

  /** {@code <code>}, the opaque token and the key in the order the request gave them, {@code \r\n}. */
  static void write(ByteBuf out, byte[] code, ByteRange key, MetaFlags flags) {
    out.writeBytes(code);
    for (int i = 0; i < flags.count(); i++) {
      byte flag = flags.flag(i);
      if (flag == 'O') {
        MetaReplies.writeOpaque(out, flags);
      } else if (flag == 'k') {
        MetaReplies.writeKey(out, key, flags.base64Key());
      }
    }
    out.writeBytes(MetaReplies.CRLF);
  }
}
