package dev.larder.server.meta;

import dev.larder.protocol.meta.MetaBase64;
import dev.larder.protocol.meta.MetaReplies;
import dev.larder.protocol.text.MetaRequest;
import dev.larder.protocol.text.TextReplies;
import dev.larder.server.ServerStats;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.EditableItem;
import dev.larder.storage.ItemEditor;
import dev.larder.storage.Lookup;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * {@code me <key>}: {@code ME <key> exp=.. la=.. cas=.. fetch=.. cls=.. size=..} without counting as
 * an access. {@code exp} keeps memcached 1.6.18's sign: now minus the expiry, so an item with 30
 * seconds left shows {@code exp=-30} ({@code -1} for never). Larder has no slab classes: {@code cls}
 * is always 1 and {@code size} the bytes the item costs in this engine.
 */
final class MetaDebugCommand implements ItemEditor {
  private static final byte[] EXP = ascii(" exp=");
  private static final byte[] LA = ascii(" la=");
  private static final byte[] CAS = ascii(" cas=");
  private static final byte[] FETCHED = ascii(" fetch=yes");
  private static final byte[] NOT_FETCHED = ascii(" fetch=no");
  private static final byte[] CLASS_AND_SIZE = ascii(" cls=1 size=");

  private final CacheEngine engine;
  private final ServerStats stats;
  private MetaRequest.Debug request;
  private ByteBuf out;
  private long now;

  MetaDebugCommand(CacheEngine engine, ServerStats stats) {
    this.engine = engine;
    this.stats = stats;
  }

  void execute(MetaRequest.Debug me, ByteBuf target, long nowMillis) {
    request = me;
    out = target;
    now = nowMillis;
    Lookup lookup = engine.edit(me.key(), false, false, this);
    request = null;
    out = null;
    stats.cmdMeta.increment();
    if (lookup == Lookup.EXPIRED) {
      stats.getExpired.increment();
    } else if (lookup == Lookup.FLUSHED) {
      stats.getFlushed.increment();
    }
    if (!lookup.hit()) {
      target.writeBytes(MetaReplies.EN_LINE);
    }
  }

  @Override
  public void edit(EditableItem item, boolean created) {
    out.writeBytes(MetaReplies.ME).writeBytes(request.base64Key() ? MetaBase64.encode(request.key()) : request.key());
    out.writeBytes(EXP);
    if (item.expiresAt() == 0) {
      out.writeByte('-').writeByte('1');
    } else {
      long ago = MetaSeconds.expirySeconds(now) - MetaSeconds.expirySeconds(item.expiresAt());
      out.writeCharSequence(Integer.toString((int) ago), StandardCharsets.US_ASCII);
    }
    out.writeBytes(LA);
    TextReplies.writeUnsigned(out, MetaSeconds.secondsSince(item.lastAccessedAt(), now));
    out.writeBytes(CAS);
    TextReplies.writeUnsigned(out, item.cas());
    out.writeBytes(item.fetched() ? FETCHED : NOT_FETCHED);
    out.writeBytes(CLASS_AND_SIZE);
    TextReplies.writeUnsigned(out, item.footprint());
    out.writeBytes(MetaReplies.CRLF);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
