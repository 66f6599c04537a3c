package dev.larder.server;

import dev.larder.storage.ItemView;
import dev.larder.storage.KeyList;
import dev.larder.storage.Lookup;
import dev.larder.storage.MultiLookupVisitor;
import io.netty.buffer.ByteBuf;

/**
 * The keys of a multi-key lookup ({@code CacheEngine.getAll}) as a protocol's request holds them, the
 * writer of its replies (to hits, and to misses where the protocol answers them), and the count of
 * how its lookups ended, for the get counters. An executor keeps one and reuses it, so that a lookup
 * allocates nothing.
 */
public abstract class MultiGetReplies implements KeyList, MultiLookupVisitor {
  private ByteBuf out;
  private int hits;
  private int expired;
  private int flushed;

  /** Starts a lookup whose replies are written to {@code target}; with null, it is only counted. */
  protected final void begin(ByteBuf target) {
    out = target;
    hits = 0;
    expired = 0;
    flushed = 0;
  }

  /** Writes the reply for the hit on key {@code index} to {@code target}. */
  protected abstract void write(ByteBuf target, int index, ItemView item);

  /** Writes what the protocol answers for a miss on key {@code index}: nothing, unless overridden. */
  protected void writeMiss(ByteBuf target, int index) {}

  @Override
  public final void hit(int index, ItemView item) {
    hits++;
    if (out != null) {
      write(out, index, item);
    }
  }

  @Override
  public final void missed(int index, Lookup how) {
    if (how == Lookup.EXPIRED) {
      expired++;
    } else if (how == Lookup.FLUSHED) {
      flushed++;
    }
    if (out != null) {
      writeMiss(out, index);
    }
  }

  /**
   * Adds the lookup's keys to the get counters (the touch counters for a get-and-touch), once for
   * the whole lookup, and lets go of the reply buffer.
   */
  public final void finish(ServerStats stats, boolean touch) {
    if (touch) {
      stats.countTouches(size(), hits, expired, flushed);
    } else {
      stats.countGets(size(), hits, expired, flushed);
    }
    out = null;
  }
}
