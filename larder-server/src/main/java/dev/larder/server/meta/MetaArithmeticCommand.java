package dev.larder.server.meta;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.meta.MetaReplies;
import dev.larder.protocol.text.MetaFlags;
import dev.larder.protocol.text.MetaRequest;
import dev.larder.protocol.text.TextReplies;
import dev.larder.server.ServerStats;
import dev.larder.storage.Arithmetic;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.EditableItem;
import dev.larder.storage.Expiry;
import dev.larder.storage.InitialValue;
import dev.larder.storage.ItemEditor;
import io.netty.buffer.ByteBuf;

/**
 * {@code ma}: incr (mode {@code I}, {@code +}, the default) or decr ({@code D}, {@code -}) by {@code D}
 * (default 1), guarded by {@code C}, creating the number {@code J} on a miss with {@code N}. The reply
 * line is written while the engine holds the new item, since {@code T} and {@code N} change its expiry
 * on the way; the engine calls the editor only when it stored a number. Reused for every ma of a
 * connection.
 */
final class MetaArithmeticCommand implements ItemEditor {
  private final CacheEngine engine;
  private final ServerStats stats;
  private final InitialValue initial = new InitialValue();
  private MetaRequest.Arithmetic request;
  private ByteBuf out;
  private long now;
  /** The number the engine stored, as the editor saw it. */
  private long number;

  MetaArithmeticCommand(CacheEngine engine, ServerStats stats) {
    this.engine = engine;
    this.stats = stats;
  }

  void execute(MetaRequest.Arithmetic ma, ByteBuf target, long nowMillis) {
    MetaFlags flags = ma.flags();
    boolean increment = flags.mode() != 'D' && flags.mode() != '-';
    // memcached creates the number never to expire; an N among the flags then sets its expiry.
    InitialValue onMiss = flags.vivifies() ? initial.set(flags.initial(), 0) : null;
    request = ma;
    out = target;
    now = nowMillis;
    int replyStart = target.writerIndex();
    ByteRange key = ma.key();
    Arithmetic.Status result = engine.applyDelta(key.array(), key.offset(), key.length(), increment, flags.delta(),
        flags.hasCompareCas() ? flags.compareCas() : 0, onMiss, this);
    request = null;
    out = null;
    stats.countArithmetic(increment, result);
    switch (result) {
      case OK -> {
        if (flags.quiet()) {
          target.writerIndex(replyStart);
        } else {
          writeDigits(target, flags, number);
        }
      }
      // memcached shows a created number even with q.
      case CREATED -> writeDigits(target, flags, number);
      case NOT_FOUND -> {
        MetaReplyLine.write(target, MetaReplies.NF, key, flags);
      }
      case EXISTS -> MetaReplyLine.write(target, MetaReplies.EX, key, flags);
      case NON_NUMERIC -> target.writeBytes(TextReplies.NON_NUMERIC_VALUE);
    }
  }

  /** With {@code v}, the number after the reply line the editor wrote. */
  private static void writeDigits(ByteBuf out, MetaFlags flags, long value) {
    if (flags.value()) {
      TextReplies.writeUnsigned(out, value);
      out.writeBytes(MetaReplies.CRLF);
    }
  }

  /** Writes {@code HD <flags>} or {@code VA <size> <flags>}, and its line end. */
  @Override
  public void edit(EditableItem item, boolean created) {
    number = Arithmetic.numberIn(item);
    MetaFlags flags = request.flags();
    if (flags.value()) {
      out.writeBytes(MetaReplies.VA);
      TextReplies.writeUnsigned(out, TextReplies.unsignedDigits(number));
    } else {
      out.writeBytes(MetaReplies.HD);
    }
    for (int i = 0; i < flags.count(); i++) {
      byte flag = flags.flag(i);
      switch (flag) {
        case 'c' -> MetaReplies.writeFlag(out, 'c', item.cas());
        case 't' -> MetaGetCommand.writeTimeLeft(out, item.expiresAt(), now);
        case 'T' -> item.expiresAt(Expiry.fromExptime(flags.ttl(), now));
        case 'N' -> {
          if (created) {
            item.expiresAt(Expiry.fromExptime(flags.vivifyTtl(), now));
          }
        }
        case 'O' -> MetaReplies.writeOpaque(out, flags);
        case 'k' -> MetaReplies.writeKey(out, request.key(), flags.base64Key());
        default -> {
          // flags that change nothing in the reply
        }
      }
    }
    out.writeBytes(MetaReplies.CRLF);
  }
}
