package dev.larder.server.text;

import dev.larder.protocol.text.TextReplies;
import dev.larder.server.ServerContext;
import dev.larder.server.stats.StatSink;
import dev.larder.server.stats.StatsReport;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The {@code stats} command and its sub-commands as memcached 1.6.18's text protocol answers them:
 * {@code STAT <name> <value>} lines of a {@link StatsReport}, then {@code END}.
 */
final class TextStats implements StatSink {
  private final ServerContext server;
  private final StatsReport report;
  private ByteBuf out;

  TextStats(ServerContext server) {
    this.server = server;
    this.report = new StatsReport(server);
  }

  /** Answers {@code stats <args>} as memcached's {@code process_stat} does. */
  void write(List<String> args, ByteBuf target, long now) {
    out = target;
    try {
      if (args.isEmpty()) {
        report.general(this, now);
        out.writeBytes(TextReplies.END);
        return;
      }
      switch (args.get(0)) {
        case "reset" -> {
          server.stats().reset();
          out.writeBytes(TextReplies.RESET);
        }
        case "detail" -> detail(args);
        // memcached's reply when dumping is disabled; Larder keeps no per-class item lists to dump.
        case "cachedump" -> out.writeBytes(TextReplies.STATS_CACHEDUMP_NOT_ALLOWED);
        case "settings" -> ended(() -> report.settings(this));
        case "conns" -> ended(() -> report.conns(this, now));
        case "items" -> ended(() -> report.items(this));
        case "slabs" -> ended(() -> report.slabs(this));
        case "sizes" -> ended(() -> report.sizes(this));
        default -> out.writeBytes(TextReplies.ERROR);
      }
    } finally {
      out = null;
    }
  }

  @Override
  public void stat(String name, long value) {
    TextReplies.writeStat(out, name, value);
  }

  @Override
  public void stat(String name, CharSequence value) {
    TextReplies.writeStat(out, name, value);
  }

  private void ended(Runnable lines) {
    lines.run();
    out.writeBytes(TextReplies.END);
  }

  /**
   * {@code stats detail on|off|dump}: Larder keeps no per-prefix counters, so switching them is
   * accepted and the dump is empty, as memcached's is before any prefix was seen.
   */
  private void detail(List<String> args) {
    String mode = args.size() < 2 ? "" : args.get(1);
    switch (mode) {
      case "on", "off" -> out.writeBytes(TextReplies.OK);
      case "dump" -> out.writeBytes(TextReplies.END);
      default -> out.writeBytes(TextReplies.STATS_DETAIL_USAGE);
    }
  }
}
