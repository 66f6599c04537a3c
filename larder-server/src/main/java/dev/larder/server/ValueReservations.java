package dev.larder.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory that connections have set aside, all together, for long values still arriving: a
 * connection reads the rest of a long value straight into room made for all of it ({@link
 * ProtocolHandler}). memcached takes such room from the cache at the command line; here it is direct
 * memory beside the cache's, so it is bounded, and past the bound a connection gathers a value as its
 * bytes come, as before: clients that declare long values and then send nothing cannot take the memory
 * that the cache and the other connections need.
 */
final class ValueReservations {
  /** 64 values of memcached's default item size limit (1 MB) arriving at once. */
  static final long LIMIT = 64L << 20;

  private final AtomicLong reserved = new AtomicLong();

  /** Sets {@code bytes} aside if the bound allows; whoever gets true gives them back with {@link #release}. */
  boolean tryReserve(long bytes) {
    long before;
    do {
      before = reserved.get();
      if (before + bytes > LIMIT) {
        return false;
      }
    } while (!reserved.compareAndSet(before, before + bytes));
    return true;
  }

  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }
}
