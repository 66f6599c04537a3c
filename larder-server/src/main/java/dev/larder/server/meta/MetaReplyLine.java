package dev.larder.server.meta;

import dev.larder.protocol.meta.MetaFlags;
import dev.larder.protocol.meta.MetaReplies;
import io.netty.buffer.ByteBuf;

/** The reply line every meta command ends with when it has no item to describe: a code, then O and k. */
final class MetaReplyLine {
  private MetaReplyLine() {}

  /** {@code <code>}, the opaque token and the key in the order the request gave them, {@code \r\n}. */
  static void write(ByteBuf out, byte[] code, byte[] key, MetaFlags flags) {
    out.writeBytes(code);
    writeOpaqueAndKey(out, key, flags);
    out.writeBytes(MetaReplies.CRLF);
  }

  /** The O and k return flags, in request order. */
  static void writeOpaqueAndKey(ByteBuf out, byte[] key, MetaFlags flags) {
    for (byte flag : flags.order()) {
      if (flag == 'O') {
        MetaReplies.writeOpaque(out, flags.opaque());
      } else if (flag == 'k') {
        MetaReplies.writeKey(out, key, flags.base64Key());
      }
    }
  }
}
