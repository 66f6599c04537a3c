package dev.larder.storage;

import java.nio.ByteBuffer;

/**
 * A read-only look at one item, valid only inside {@link ItemVisitor#visit}; engines may reuse one
 * instance for every item.
 */
public interface ItemView {
  int flags();

  long cas();

  /** Absolute expiry in epoch milliseconds, {@code 0} for never. */
  long expiresAt();

  /** The value's bytes from position to limit: a read-only buffer over engine memory. */
  ByteBuffer value();

  /**
   * Keeps the value's bytes as they are, where they are, until the returned pin is closed, so that
   * they can be read after the visit. Every pin must be closed, and soon: the memory it holds is not
   * reused meanwhile, so a full cache evicts around it.
   */
  PinnedValue pin();
}
