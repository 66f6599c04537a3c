package dev.larder.server.binary;

import dev.larder.protocol.binary.BinaryReplies;
import dev.larder.protocol.binary.BinaryRequest;
import dev.larder.protocol.binary.BinaryStatus;
import dev.larder.server.ServerContext;
import dev.larder.server.stats.StatSink;
import dev.larder.server.stats.StatsReport;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The binary {@code stat} command as memcached 1.6.18's {@code process_bin_stat} answers it: one
 * packet per figure of a {@link StatsReport}, then an empty packet. The group is the key: empty for
 * the general stats; {@code reset}, {@code settings} and {@code detail ...} matched by prefix, as
 * memcached does; {@code items}, {@code slabs} and {@code sizes} exactly; anything else is "not found".
 */
final class BinaryStats implements StatSink {
  /** What memcached's {@code stats detail dump} holds before any prefix was seen. */
  private static final String EMPTY_DETAIL_DUMP = "END\r\n";

  private final ServerContext server;
  private final StatsReport report;
  private ByteBuf out;
  private BinaryRequest.Header header;

  BinaryStats(ServerContext server) {
    this.server = server;
    this.report = new StatsReport(server);
  }

  void write(BinaryRequest.Stat stat, ByteBuf target, long now) {
    out = target;
    header = stat.header();
    try {
      String group = new String(stat.key(), StandardCharsets.ISO_8859_1);
      if (group.isEmpty()) {
        report.general(this, now);
      } else if (group.startsWith("reset")) {
        server.stats().reset();
      } else if (group.startsWith("settings")) {
        report.settings(this);
      } else if (group.startsWith("detail")) {
        if (!detail(group.substring("detail".length()))) {
          return;
        }
      } else if (group.equals("items")) {
        report.items(this);
      } else if (group.equals("slabs")) {
        report.slabs(this);
      } else if (group.equals("sizes")) {
        report.sizes(this);
      } else {
        BinaryReplies.writeError(out, header, BinaryStatus.KEY_NOT_FOUND);
        return;
      }
      BinaryReplies.writeStat(out, header, "", "");
    } finally {
      out = null;
      header = null;
    }
  }

  /** {@code detail on|off|dump}, after a space; false when it answered "not found" instead. */
  private boolean detail(String mode) {
    if (mode.startsWith(" dump")) {
      stat("detailed", EMPTY_DETAIL_DUMP);
    } else if (!mode.startsWith(" on") && !mode.startsWith(" off")) {
      BinaryReplies.writeError(out, header, BinaryStatus.KEY_NOT_FOUND);
      return false;
    }
    return true;
  }

  @Override
  public void stat(String name, long value) {
    stat(name, Long.toUnsignedString(value));
  }

  @Override
  public void stat(String name, CharSequence value) {
    BinaryReplies.writeStat(out, header, name, value.toString());
  }
}
