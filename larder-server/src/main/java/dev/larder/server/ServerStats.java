package dev.larder.server;

import dev.larder.storage.Arithmetic;
import dev.larder.storage.Lookup;
import dev.larder.storage.StoreResult;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's own counters, named after memcached's {@code stats}; the engine keeps the item
 * counters ({@link dev.larder.storage.EngineStats}). Every executor thread updates these, so each is
 * a {@link LongAdder}.
 */
public final class ServerStats {
  public final LongAdder totalConnections = new LongAdder();
  public final LongAdder rejectedConnections = new LongAdder();
  public final LongAdder bytesRead = new LongAdder();
  public final LongAdder bytesWritten = new LongAdder();
  public final LongAdder cmdGet = new LongAdder();
  public final LongAdder cmdSet = new LongAdder();
  public final LongAdder cmdFlush = new LongAdder();
  public final LongAdder cmdTouch = new LongAdder();
  /** memcached 1.6.18 counts only {@code me} here. */
  public final LongAdder cmdMeta = new LongAdder();
  public final LongAdder getHits = new LongAdder();
  public final LongAdder getMisses = new LongAdder();
  public final LongAdder getExpired = new LongAdder();
  public final LongAdder getFlushed = new LongAdder();
  public final LongAdder deleteHits = new LongAdder();
  public final LongAdder deleteMisses = new LongAdder();
  public final LongAdder incrHits = new LongAdder();
  public final LongAdder incrMisses = new LongAdder();
  public final LongAdder decrHits = new LongAdder();
  public final LongAdder decrMisses = new LongAdder();
  public final LongAdder casHits = new LongAdder();
  public final LongAdder casMisses = new LongAdder();
  public final LongAdder casBadval = new LongAdder();
  public final LongAdder touchHits = new LongAdder();
  public final LongAdder touchMisses = new LongAdder();
  public final LongAdder storeTooLarge = new LongAdder();
  public final LongAdder storeNoMemory = new LongAdder();
  public final LongAdder idleKicks = new LongAdder();

  /** Counts one get: cmd_get, a hit or a miss, and why it missed when the item expired or was flushed. */
  public void countGet(Lookup lookup) {
    countGets(1, lookup.hit() ? 1 : 0, lookup == Lookup.EXPIRED ? 1 : 0, lookup == Lookup.FLUSHED ? 1 : 0);
  }

  /** Counts one touch (or get-and-touch) as {@link #countGet} counts a get. */
  public void countTouch(Lookup lookup) {
    countTouches(1, lookup.hit() ? 1 : 0, lookup == Lookup.EXPIRED ? 1 : 0, lookup == Lookup.FLUSHED ? 1 : 0);
  }

  /**
   * Counts the gets of one request at once (a multi-get updates each counter once, not once per key);
   * the misses are the gets that did not hit.
   */
  public void countGets(long gets, long hits, long expired, long flushed) {
    countLookups(cmdGet, getHits, getMisses, gets, hits, expired, flushed);
  }

  /** Counts the touches of one request at once, as {@link #countGets} counts gets. */
  public void countTouches(long touches, long hits, long expired, long flushed) {
    countLookups(cmdTouch, touchHits, touchMisses, touches, hits, expired, flushed);
  }

  /** Expired and flushed misses are counted under get_ whatever the command, as memcached does. */
  private void countLookups(LongAdder commands, LongAdder hitCounter, LongAdder missCounter, long lookups,
      long hits, long expired, long flushed) {
    commands.add(lookups);
    addNonZero(hitCounter, hits);
    addNonZero(missCounter, lookups - hits);
    addNonZero(getExpired, expired);
    addNonZero(getFlushed, flushed);
  }

  /** Every update of a counter shared by the event loops costs an atomic instruction; zero needs none. */
  private static void addNonZero(LongAdder counter, long n) {
    if (n != 0) {
      counter.add(n);
    }
  }

  /**
   * Counts the outcome of a check-and-set store, in any protocol: a hit, a changed item (badval) or no
   * item (a miss). A cas is never NOT_STORED; refusals (too large, no memory) are counted where they
   * are answered.
   */
  public void countCas(StoreResult result) {
    switch (result) {
      case STORED -> casHits.increment();
      case EXISTS -> casBadval.increment();
      case NOT_FOUND -> casMisses.increment();
      default -> {
        // not an outcome of a cas that reached its item
      }
    }
  }

  /**
   * Counts the outcome of an incr ({@code increment}) or decr, in any protocol, as memcached does: a
   * changed number is a hit, no item a miss; a created number, a non-numeric value and a CAS mismatch
   * count as neither.
   */
  public void countArithmetic(boolean increment, Arithmetic.Status result) {
    switch (result) {
      case OK -> (increment ? incrHits : decrHits).increment();
      case NOT_FOUND -> (increment ? incrMisses : decrMisses).increment();
      default -> {
        // not counted by memcached
      }
    }
  }

  /** {@code stats reset}: zero every counter that memcached resets (not the connection gauges). */
  public void reset() {
    for (LongAdder counter : new LongAdder[] {
        totalConnections, rejectedConnections, bytesRead, bytesWritten, cmdGet, cmdSet, cmdFlush,
        cmdTouch, cmdMeta, getHits, getMisses, getExpired, getFlushed, deleteHits, deleteMisses, incrHits,
        incrMisses, decrHits, decrMisses, casHits, casMisses, casBadval, touchHits, touchMisses,
        storeTooLarge, storeNoMemory, idleKicks}) {
      counter.reset();
    }
  }
}
