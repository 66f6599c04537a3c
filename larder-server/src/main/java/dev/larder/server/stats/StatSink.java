package dev.larder.server.stats;

/** Where {@link StatsReport} writes each figure: a protocol's way of sending one stat. */
public interface StatSink {
  /** A number, written unsigned. */
  void stat(String name, long value);

  /** Text, in ASCII. */
  void stat(String name, CharSequence value);
}
