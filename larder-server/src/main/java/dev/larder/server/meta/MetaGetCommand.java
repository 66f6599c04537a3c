package dev.larder.server.meta;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.meta.MetaReplies;
import dev.larder.protocol.text.MetaFlags;
import dev.larder.protocol.text.MetaRequest;
import dev.larder.protocol.text.TextReplies;
import dev.larder.server.ReplyValues;
import dev.larder.server.ServerStats;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.EditableItem;
import dev.larder.storage.Expiry;
import dev.larder.storage.ItemEditor;
import dev.larder.storage.KeyList;
import dev.larder.storage.Lookup;
import dev.larder.storage.MultiItemEditor;
import io.netty.buffer.ByteBuf;

/**
 * {@code mg}: the reply is written while the engine holds the item, flag by flag in request order,
 * because some flags change the item on the way ({@code T} sets the expiry that a later {@code t}
 * shows) and leases are decided from its state: {@code N} creates an empty item on a miss and hands
 * its creator the win ({@code W}); {@code R} hands out the win when little time is left; a stale item
 * ({@code X}) hands it out once; later readers see {@code Z}. A run of mg ({@link MetaRequest.Gets})
 * is one {@link CacheEngine#editAll}, each get answered as if alone. Reused for every mg of a
 * connection.
 */
final class MetaGetCommand implements ItemEditor, MultiItemEditor, KeyList {
  private final CacheEngine engine;
  private final ReplyValues values;
  private final ServerStats stats;
  private MetaRequest.Get request;
  private MetaRequest.Gets run;
  private ByteBuf out;
  private long now;
  /** How the lookups of a request or a run ended, for the counters, which are updated once after. */
  private int gets;
  private int getHits;
  private int expired;
  private int flushed;
  private int touches;

  MetaGetCommand(CacheEngine engine, ServerStats stats, ReplyValues values) {
    this.engine = engine;
    this.stats = stats;
    this.values = values;
  }

  /** Looks the key up and writes the reply. */
  void execute(MetaRequest.Get get, ByteBuf target, long nowMillis) {
    request = get;
    out = target;
    now = nowMillis;
    MetaFlags flags = get.flags();
    ByteRange key = get.key();
    countAndAnswerMiss(
        engine.edit(key.array(), key.offset(), key.length(), flags.vivifies(), !flags.noBump(), this));
    updateCounters();
    out = null;
  }

  /** Looks every key of the run up in one pass and writes the replies in order. */
  void executeAll(MetaRequest.Gets requests, ByteBuf target, long nowMillis) {
    run = requests;
    out = target;
    now = nowMillis;
    engine.editAll(this, this);
    updateCounters();
    run = null;
    out = null;
  }

  /** Counts how the lookup of {@link #request} ended and answers a miss, unless quiet. */
  private void countAndAnswerMiss(Lookup lookup) {
    MetaFlags flags = request.flags();
    // memcached counts a hit with T as a touch, and a miss as a get even with T.
    if (lookup.hit() && flags.hasTtl()) {
      touches++;
    } else {
      gets++;
      if (lookup.hit()) {
        getHits++;
      } else if (lookup == Lookup.EXPIRED) {
        expired++;
      } else if (lookup == Lookup.FLUSHED) {
        flushed++;
      }
    }
    if (!lookup.hit() && !flags.quiet()) {
      MetaReplyLine.write(out, MetaReplies.EN, request.key(), flags);
    }
    request = null;
  }

  /** Adds what {@link #countAndAnswerMiss} counted to the server's counters, outside the engine's locks. */
  private void updateCounters() {
    if (gets > 0) {
      stats.countGets(gets, getHits, expired, flushed);
    }
    if (touches > 0) {
      stats.countTouches(touches, touches, 0, 0);
    }
    gets = 0;
    getHits = 0;
    expired = 0;
    flushed = 0;
    touches = 0;
  }

  @Override
  public int size() {
    return run.size();
  }

  @Override
  public byte[] array(int index) {
    return run.get(index).key().array();
  }

  @Override
  public int offset(int index) {
    return run.get(index).key().offset();
  }

  @Override
  public int length(int index) {
    return run.get(index).key().length();
  }

  @Override
  public boolean createIfMissing(int index) {
    return run.get(index).flags().vivifies();
  }

  @Override
  public boolean recordAccess(int index) {
    return !run.get(index).flags().noBump();
  }

  @Override
  public void edit(int index, EditableItem item, boolean created) {
    request = run.get(index);
    edit(item, created);
    countAndAnswerMiss(Lookup.HIT);
  }

  @Override
  public void missed(int index, Lookup how) {
    request = run.get(index);
    countAndAnswerMiss(how);
  }

  @Override
  public void edit(EditableItem item, boolean created) {
    MetaFlags flags = request.flags();
    int valueLength = item.value().remaining();
    if (flags.value()) {
      out.writeBytes(MetaReplies.VA);
      TextReplies.writeUnsigned(out, valueLength);
    } else {
      out.writeBytes(MetaReplies.HD);
    }
    boolean won = false;
    for (int i = 0; i < flags.count(); i++) {
      byte flag = flags.flag(i);
      switch (flag) {
        case 'T' -> item.expiresAt(Expiry.fromExptime(flags.ttl(), now));
        case 'N' -> {
          if (created) {
            item.expiresAt(Expiry.fromExptime(flags.vivifyTtl(), now));
            won = true;
          }
        }
        case 'R' -> won |= !item.winTokenSent() && !created && item.expiresAt() != 0
            && MetaSeconds.expirySeconds(item.expiresAt())
                < MetaSeconds.expirySeconds(Expiry.fromExptime(flags.recacheTtl(), now));
        case 's' -> MetaReplies.writeFlag(out, 's', valueLength);
        case 't' -> writeTimeLeft(out, item.expiresAt(), now);
        case 'c' -> MetaReplies.writeFlag(out, 'c', item.cas());
        case 'f' -> MetaReplies.writeFlag(out, 'f', Integer.toUnsignedLong(item.flags()));
        case 'l' -> MetaReplies.writeFlag(out, 'l', MetaSeconds.secondsSince(item.lastAccessedAt(), now));
        case 'h' -> MetaReplies.writeFlag(out, 'h', item.fetched() ? 1 : 0);
        case 'O' -> MetaReplies.writeOpaque(out, flags);
        case 'k' -> MetaReplies.writeKey(out, request.key(), flags.base64Key());
        default -> {
          // flags that change nothing in the reply
        }
      }
    }
    // Z before X, and never W with Z, as memcached orders them.
    if (item.winTokenSent()) {
      out.writeByte(' ').writeByte('Z');
    }
    if (item.stale()) {
      out.writeByte(' ').writeByte('X');
      won |= !item.winTokenSent();
    }
    if (won) {
      out.writeByte(' ').writeByte('W');
      item.markWinTokenSent();
    }
    out.writeBytes(MetaReplies.CRLF);
    if (flags.value()) {
      values.write(out, item);
      out.writeBytes(MetaReplies.CRLF);
    }
  }

  /** {@code t}: seconds left, or {@code -1} for an item that never expires. */
  static void writeTimeLeft(ByteBuf out, long expiresAt, long now) {
    if (expiresAt == 0) {
      MetaReplies.writeSignedFlag(out, 't', -1);
    } else {
      MetaReplies.writeFlag(out, 't', MetaSeconds.secondsLeft(expiresAt, now));
    }
  }
}
