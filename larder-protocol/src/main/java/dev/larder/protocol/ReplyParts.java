package dev.larder.protocol;

/**
 * How many values a server gathers into one reply buffer before it checks again whether the client is
 * taking its replies: the keys of one part of a multi-get, or the gets of one run of gets that arrived
 * together. That bounds what a connection holds in memory for a client that reads slowly, whatever
 * the keys it asks for.
 */
public final class ReplyParts {
  /** At most this many keys: as many as the engine looks up together. */
  public static final int MAX_KEYS = 16;
  /** Fewer keys where items may be large, so that a part's values total at most this. */
  private static final int MAX_BYTES = 16 << 20;

  private ReplyParts() {}

  /** The keys of one part where values are at most {@code maxValueBytes}: 16 with 1 MB items, 1 with 16 MB. */
  public static int keysPerPart(int maxValueBytes) {
    return (int) Math.max(1, Math.min(MAX_KEYS, MAX_BYTES / Math.max(1L, maxValueBytes)));
  }
}
