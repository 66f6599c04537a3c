package dev.larder.server.text;

import dev.larder.protocol.LarderVersion;
import dev.larder.protocol.text.TextReplies;
import dev.larder.server.ClientConnection;
import dev.larder.server.ServerConfig;
import dev.larder.server.ServerContext;
import dev.larder.server.ServerStats;
import dev.larder.storage.EngineStats;
import io.netty.buffer.ByteBuf;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code stats} command and its sub-commands, in memcached 1.6.18's names and order. Figures
 * memcached derives from its slab allocator (which Larder does not have) are left out rather than
 * invented; everything shown is a true value of this server.
 */
final class TextStats {
  private static final long MICROS_PER_SECOND = 1_000_000;

  private final ServerContext server;
  private final ServerConfig config;

  TextStats(ServerContext server) {
    this.server = server;
    this.config = server.config();
  }

  /** Answers {@code stats <args>} as memcached's {@code process_stat} does. */
  void write(List<String> args, ClientConnection self, ByteBuf out, long now) {
    if (args.isEmpty()) {
      general(out, now);
      out.writeBytes(TextReplies.END);
      return;
    }
    switch (args.get(0)) {
      case "reset" -> {
        server.stats().reset();
        out.writeBytes(TextReplies.RESET);
      }
      case "detail" -> detail(args, out);
      // memcached's reply when dumping is disabled; Larder keeps no per-class item lists to dump.
      case "cachedump" -> out.writeBytes(TextReplies.STATS_CACHEDUMP_NOT_ALLOWED);
      case "settings" -> ended(out, () -> settings(out));
      case "conns" -> ended(out, () -> conns(self, out, now));
      case "items" -> ended(out, () -> items(out));
      case "slabs" -> ended(out, () -> slabs(out));
      case "sizes" -> ended(out, () -> TextReplies.writeStat(out, "sizes_status", "disabled"));
      default -> out.writeBytes(TextReplies.ERROR);
    }
  }

  private static void ended(ByteBuf out, Runnable lines) {
    lines.run();
    out.writeBytes(TextReplies.END);
  }

  /**
   * {@code stats detail on|off|dump}: Larder keeps no per-prefix counters, so switching them is
   * accepted and the dump is empty, as memcached's is before any prefix was seen.
   */
  private static void detail(List<String> args, ByteBuf out) {
    String mode = args.size() < 2 ? "" : args.get(1);
    switch (mode) {
      case "on", "off" -> out.writeBytes(TextReplies.OK);
      case "dump" -> out.writeBytes(TextReplies.END);
      default -> out.writeBytes(TextReplies.STATS_DETAIL_USAGE);
    }
  }

  private void general(ByteBuf out, long now) {
    ServerStats stats = server.stats();
    EngineStats engine = server.engine().stats();
    ProcessCpuTime cpu = ProcessCpuTime.read();
    int connections = server.connections().size();
    TextReplies.writeStat(out, "pid", ProcessHandle.current().pid());
    TextReplies.writeStat(out, "uptime", (now - server.startedAtMillis()) / 1000);
    TextReplies.writeStat(out, "time", now / 1000);
    TextReplies.writeStat(out, "version", LarderVersion.VERSION);
    TextReplies.writeStat(out, "pointer_size", pointerSize());
    TextReplies.writeStat(out, "rusage_user", secondsAndMicros(cpu.userMicros()));
    TextReplies.writeStat(out, "rusage_system", secondsAndMicros(cpu.systemMicros()));
    TextReplies.writeStat(out, "max_connections", config.connectionLimit());
    TextReplies.writeStat(out, "curr_connections", connections);
    TextReplies.writeStat(out, "total_connections", stats.totalConnections.sum());
    TextReplies.writeStat(out, "rejected_connections", stats.rejectedConnections.sum());
    // memcached counts its listening socket among its connection structures.
    TextReplies.writeStat(out, "connection_structures", connections + 1);
    TextReplies.writeStat(out, "cmd_get", stats.cmdGet.sum());
    TextReplies.writeStat(out, "cmd_set", stats.cmdSet.sum());
    TextReplies.writeStat(out, "cmd_flush", stats.cmdFlush.sum());
    TextReplies.writeStat(out, "cmd_touch", stats.cmdTouch.sum());
    TextReplies.writeStat(out, "cmd_meta", stats.cmdMeta.sum());
    TextReplies.writeStat(out, "get_hits", stats.getHits.sum());
    TextReplies.writeStat(out, "get_misses", stats.getMisses.sum());
    TextReplies.writeStat(out, "get_expired", stats.getExpired.sum());
    TextReplies.writeStat(out, "get_flushed", stats.getFlushed.sum());
    TextReplies.writeStat(out, "delete_misses", stats.deleteMisses.sum());
    TextReplies.writeStat(out, "delete_hits", stats.deleteHits.sum());
    TextReplies.writeStat(out, "incr_misses", stats.incrMisses.sum());
    TextReplies.writeStat(out, "incr_hits", stats.incrHits.sum());
    TextReplies.writeStat(out, "decr_misses", stats.decrMisses.sum());
    TextReplies.writeStat(out, "decr_hits", stats.decrHits.sum());
    TextReplies.writeStat(out, "cas_misses", stats.casMisses.sum());
    TextReplies.writeStat(out, "cas_hits", stats.casHits.sum());
    TextReplies.writeStat(out, "cas_badval", stats.casBadval.sum());
    TextReplies.writeStat(out, "touch_hits", stats.touchHits.sum());
    TextReplies.writeStat(out, "touch_misses", stats.touchMisses.sum());
    TextReplies.writeStat(out, "store_too_large", stats.storeTooLarge.sum());
    TextReplies.writeStat(out, "store_no_memory", stats.storeNoMemory.sum());
    // Larder has no authentication; memcached reports these zero unless SASL or ASCII auth is on.
    TextReplies.writeStat(out, "auth_cmds", 0);
    TextReplies.writeStat(out, "auth_errors", 0);
    if (!config.idleTimeout().isZero()) {
      TextReplies.writeStat(out, "idle_kicks", stats.idleKicks.sum());
    }
    TextReplies.writeStat(out, "bytes_read", stats.bytesRead.sum());
    TextReplies.writeStat(out, "bytes_written", stats.bytesWritten.sum());
    TextReplies.writeStat(out, "limit_maxbytes", engine.limitMaxbytes());
    TextReplies.writeStat(out, "accepting_conns", 1);
    TextReplies.writeStat(out, "threads", config.threads());
    TextReplies.writeStat(out, "bytes", engine.bytes());
    TextReplies.writeStat(out, "curr_items", engine.currItems());
    TextReplies.writeStat(out, "total_items", engine.totalItems());
    TextReplies.writeStat(out, "expired_unfetched", engine.expiredUnfetched());
    TextReplies.writeStat(out, "evicted_unfetched", engine.evictedUnfetched());
    TextReplies.writeStat(out, "evictions", engine.evictions());
    TextReplies.writeStat(out, "reclaimed", engine.reclaimed());
  }

  private void settings(ByteBuf out) {
    TextReplies.writeStat(out, "maxbytes", server.engine().stats().limitMaxbytes());
    TextReplies.writeStat(out, "maxconns", config.connectionLimit());
    TextReplies.writeStat(out, "tcpport", config.port());
    TextReplies.writeStat(out, "udpport", config.udpPort());
    TextReplies.writeStat(out, "inter", config.listen());
    TextReplies.writeStat(out, "verbosity", server.verbosity());
    TextReplies.writeStat(out, "evictions", config.evictions() ? "on" : "off");
    TextReplies.writeStat(out, "domain_socket", "NULL");
    TextReplies.writeStat(out, "shutdown_command", yesNo(config.enableShutdown()));
    TextReplies.writeStat(out, "num_threads", config.threads());
    TextReplies.writeStat(out, "stat_key_prefix", ":");
    TextReplies.writeStat(out, "detail_enabled", "no");
    TextReplies.writeStat(out, "cas_enabled", "yes");
    TextReplies.writeStat(out, "auth_enabled_sasl", "no");
    TextReplies.writeStat(out, "auth_enabled_ascii", "no");
    TextReplies.writeStat(out, "item_size_max", config.maxItemSize());
    TextReplies.writeStat(out, "maxconns_fast", "yes");
    TextReplies.writeStat(out, "flush_enabled", "yes");
    TextReplies.writeStat(out, "dump_enabled", "no");
    TextReplies.writeStat(out, "idle_timeout", config.idleTimeout().toSeconds());
    TextReplies.writeStat(out, "track_sizes", "no");
  }

  /** memcached's per-slab-class item counters; Larder's items all live in one class, shown as 1. */
  private void items(ByteBuf out) {
    EngineStats engine = server.engine().stats();
    if (engine.currItems() == 0) {
      return;
    }
    TextReplies.writeStat(out, "items:1:number", engine.currItems());
    TextReplies.writeStat(out, "items:1:age", engine.oldestItemAgeSeconds());
    TextReplies.writeStat(out, "items:1:mem_requested", engine.bytes());
    TextReplies.writeStat(out, "items:1:evicted", engine.evictions());
    TextReplies.writeStat(out, "items:1:outofmemory", engine.outOfMemory());
    TextReplies.writeStat(out, "items:1:reclaimed", engine.reclaimed());
    TextReplies.writeStat(out, "items:1:expired_unfetched", engine.expiredUnfetched());
    TextReplies.writeStat(out, "items:1:evicted_unfetched", engine.evictedUnfetched());
  }

  /** memcached's slab totals; Larder has no slab pages, so only the totals are shown. */
  private void slabs(ByteBuf out) {
    EngineStats engine = server.engine().stats();
    TextReplies.writeStat(out, "active_slabs", engine.currItems() == 0 ? 0 : 1);
    TextReplies.writeStat(out, "total_malloced", engine.bytes());
  }

  /** One group of lines per client connection, by connection number as memcached goes by fd. */
  private void conns(ClientConnection self, ByteBuf out, long now) {
    List<ClientConnection> connections = new ArrayList<>(server.connections().all());
    connections.sort(Comparator.comparingLong(ClientConnection::id));
    String listenAddress = "tcp:" + config.listen() + ":" + config.port();
    for (ClientConnection connection : connections) {
      String prefix = connection.id() + ":";
      TextReplies.writeStat(out, prefix + "addr", address(connection.remote()));
      TextReplies.writeStat(out, prefix + "listen_addr", listenAddress);
      TextReplies.writeStat(out, prefix + "state", connection.state());
      TextReplies.writeStat(
          out, prefix + "secs_since_last_cmd", Math.max(0, now - connection.lastCommandAtMillis()) / 1000);
    }
  }

  /** memcached's {@code tcp:1.2.3.4:5} and {@code tcp6:[::1]:5}. */
  private static String address(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      return inet.getAddress() instanceof Inet6Address
          ? "tcp6:[" + host + "]:" + inet.getPort()
          : "tcp:" + host + ":" + inet.getPort();
    }
    return String.valueOf(remote);
  }

  private static int pointerSize() {
    return "32".equals(System.getProperty("sun.arch.data.model")) ? 32 : 64;
  }

  /** memcached's {@code %ld.%06ld} of a {@code struct timeval}. */
  private static String secondsAndMicros(long micros) {
    return String.format("%d.%06d", micros / MICROS_PER_SECOND, micros % MICROS_PER_SECOND);
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
