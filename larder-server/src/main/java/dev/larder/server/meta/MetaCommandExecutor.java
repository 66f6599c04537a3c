package dev.larder.server.meta;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.meta.MetaReplies;
import dev.larder.protocol.text.MetaFlags;
import dev.larder.protocol.text.MetaRequest;
import dev.larder.protocol.text.TextReplies;
import dev.larder.server.ReplyValues;
import dev.larder.server.ServerContext;
import dev.larder.server.ServerStats;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.ChangeResult;
import dev.larder.storage.Expiry;
import dev.larder.storage.ItemEditor;
import dev.larder.storage.ItemView;
import dev.larder.storage.ItemVisitor;
import dev.larder.storage.StoreMode;
import dev.larder.storage.StoreResult;
import io.netty.buffer.ByteBuf;

/**
 * Carries out the meta protocol requests of one connection on the engine and writes memcached
 * 1.6.18's replies, updating the server's counters as memcached does (proto_text.c). {@code q}
 * leaves out only what memcached leaves out: the miss of mg and the success ({@code HD}) of ms, md
 * and ma; errors are always sent.
 *
 * <p>Not thread-safe: one instance per connection, called on the connection's event loop.
 */
public final class MetaCommandExecutor {
  private final CacheEngine engine;
  private final ServerStats stats;
  private final MetaGetCommand get;
  private final MetaArithmeticCommand arithmetic;
  private final MetaDebugCommand debug;
  private final CasOfStored casOfStored = new CasOfStored();

  /** {@code values} puts the values of hits into replies. */
  public MetaCommandExecutor(ServerContext server, ReplyValues values) {
    this.engine = server.engine();
    this.stats = server.stats();
    this.get = new MetaGetCommand(engine, stats, values);
    this.arithmetic = new MetaArithmeticCommand(engine, stats);
    this.debug = new MetaDebugCommand(engine, stats);
  }

  /** Writes the reply to {@code request} into {@code out}; {@code now} is the request's time. */
  public void execute(MetaRequest request, ByteBuf out, long now) {
    if (request instanceof MetaRequest.Get mg) {
      get.execute(mg, out, now);
    } else if (request instanceof MetaRequest.Gets run) {
      get.executeAll(run, out, now);
    } else if (request instanceof MetaRequest.Set ms) {
      set(ms, out, now);
    } else if (request instanceof MetaRequest.SetTooLarge tooLarge) {
      refuse(tooLarge.key(), StoreResult.TOO_LARGE, out);
    } else if (request instanceof MetaRequest.Delete md) {
      delete(md, out, now);
    } else if (request instanceof MetaRequest.Arithmetic ma) {
      arithmetic.execute(ma, out, now);
    } else if (request instanceof MetaRequest.Noop) {
      out.writeBytes(MetaReplies.MN);
    } else if (request instanceof MetaRequest.Debug me) {
      debug.execute(me, out, now);
    } else {
      throw new IllegalArgumentException("unknown meta request: " + request);
    }
  }

  /**
   * {@code ms}: mode {@code S} (set, the default), {@code E} (add), {@code A} (append), {@code P}
   * (prepend), {@code R} (replace). With {@code C}, set and replace become a cas; with {@code I} too,
   * a cas with an older unique stores the value as stale.
   */
  private void set(MetaRequest.Set ms, ByteBuf out, long now) {
    MetaFlags flags = ms.flags();
    StoreMode mode = switch (flags.mode()) {
      case 'E' -> StoreMode.ADD;
      case 'A' -> StoreMode.APPEND;
      case 'P' -> StoreMode.PREPEND;
      case 'R' -> StoreMode.REPLACE;
      default -> StoreMode.SET;
    };
    if (flags.hasCompareCas() && (mode == StoreMode.SET || mode == StoreMode.REPLACE)) {
      mode = StoreMode.CAS;
    }
    long expiresAt = flags.hasTtl() ? Expiry.fromExptime(flags.ttl(), now) : 0;
    casOfStored.cas = 0;
    ByteRange key = ms.key();
    StoreResult result = engine.store(mode, key.array(), key.offset(), key.length(), flags.clientFlags(), expiresAt,
        ms.data(), flags.hasCompareCas() ? flags.compareCas() : 0, flags.invalidate() && mode == StoreMode.CAS,
        casOfStored);
    if (result == StoreResult.TOO_LARGE || result == StoreResult.NO_MEMORY) {
      refuse(key.copy(), result, out);
      return;
    }
    stats.cmdSet.increment();
    if (mode == StoreMode.CAS) {
      stats.countCas(result);
    }
    if (result == StoreResult.STORED && flags.quiet()) {
      return;
    }
    out.writeBytes(switch (result) {
      case STORED -> MetaReplies.HD;
      case EXISTS -> MetaReplies.EX;
      case NOT_FOUND -> MetaReplies.NF;
      default -> MetaReplies.NS;
    });
    for (int i = 0; i < flags.count(); i++) {
      byte flag = flags.flag(i);
      switch (flag) {
        case 'O' -> MetaReplies.writeOpaque(out, flags);
        case 'k' -> MetaReplies.writeKey(out, key, flags.base64Key());
        case 'c' -> MetaReplies.writeFlag(out, 'c', casOfStored.cas);
        default -> {
          // flags that change nothing in ms's reply
        }
      }
    }
    out.writeBytes(MetaReplies.CRLF);
  }

  /**
   * memcached refuses a value it cannot allocate before reading it, even with q, and removes the old
   * item under the key whatever the mode, so that no stale value outlives the failed store.
   */
  private void refuse(byte[] key, StoreResult result, ByteBuf out) {
    if (result == StoreResult.TOO_LARGE) {
      stats.storeTooLarge.increment();
      out.writeBytes(TextReplies.OBJECT_TOO_LARGE);
    } else {
      stats.storeNoMemory.increment();
      out.writeBytes(TextReplies.OUT_OF_MEMORY_STORING);
    }
    engine.invalidate(key);
  }

  /** {@code md}: delete, or with {@code I} mark stale (and with {@code T} set a new expiry). */
  private void delete(MetaRequest.Delete md, ByteBuf out, long now) {
    MetaFlags flags = md.flags();
    ByteRange key = md.key();
    ChangeResult result;
    if (flags.hasCompareCas() && flags.compareCas() == 0) {
      // No item has CAS unique 0, but to the engine 0 means "any": C0 never matches in memcached.
      result = engine.edit(key.array(), key.offset(), key.length(), false, false, ItemEditor.NONE).hit()
          ? ChangeResult.EXISTS
          : ChangeResult.NOT_FOUND;
    } else if (flags.invalidate()) {
      long expiresAt = flags.hasTtl() ? Expiry.fromExptime(flags.ttl(), now) : CacheEngine.KEEP_EXPIRY;
      result = engine.markStale(key.array(), key.offset(), key.length(), flags.compareCas(), expiresAt);
    } else {
      result = engine.delete(key.array(), key.offset(), key.length(), flags.compareCas());
    }
    if (result != ChangeResult.CHANGED) {
      stats.deleteMisses.increment();
      MetaReplyLine.write(out, result == ChangeResult.EXISTS ? MetaReplies.EX : MetaReplies.NF, key, flags);
      return;
    }
    if (!flags.invalidate()) {
      stats.deleteHits.increment();
    }
    if (!flags.quiet()) {
      MetaReplyLine.write(out, MetaReplies.HD, key, flags);
    }
  }

  /** Catches the CAS unique of the item a store wrote. */
  private static final class CasOfStored implements ItemVisitor {
    long cas;

    @Override
    public void visit(ItemView item) {
      cas = item.cas();
    }
  }
}
