package dev.larder.client;

import dev.larder.protocol.text.TextCommandWriter;
import dev.larder.protocol.text.TextResponse;
import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code stats [group]} on one server: its STAT lines, in order, up to {@code END} or {@code RESET}. */
final class StatsOperation extends Operation<Map<String, String>> {
  private final String group;
  private final Map<String, String> stats = new LinkedHashMap<>();

  StatsOperation(String group) {
    this.group = group;
  }

  @Override
  void encode(ByteBuf out) {
    TextCommandWriter.writeStats(out, group);
  }

  @Override
  boolean onReply(TextResponse response) {
    if (response == TextResponse.Status.END || response == TextResponse.Status.RESET) {
      complete(stats);
      return true;
    }
    if (response instanceof TextResponse.Stat stat) {
      stats.put(stat.name(), stat.value());
      return false;
    }
    throw Replies.unexpected(response, "stats");
  }
}
