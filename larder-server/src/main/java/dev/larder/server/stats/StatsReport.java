package dev.larder.server.stats;

import dev.larder.protocol.LarderVersion;
import dev.larder.server.ClientConnection;
import dev.larder.server.ServerConfig;
import dev.larder.server.ServerContext;
import dev.larder.server.ServerStats;
import dev.larder.storage.EngineStats;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The figures of memcached 1.6.18's {@code stats} and its groups, in memcached's names and order,
 * for any protocol: each protocol writes them through its own {@link StatSink}. Figures memcached
 * derives from its slab allocator (which Larder does not have) are left out rather than invented;
 * everything shown is a true value of this server.
 */
public final class StatsReport {
  private static final long MICROS_PER_SECOND = 1_000_000;

  private final ServerContext server;
  private final ServerConfig config;

  public StatsReport(ServerContext server) {
    this.server = server;
    this.config = server.config();
  }

  /** The general stats ({@code stats} with no argument), in memcached's order. */
  public void general(StatSink sink, long now) {
    ServerStats stats = server.stats();
    EngineStats engine = server.engine().stats();
    ProcessCpuTime cpu = ProcessCpuTime.read();
    int connections = server.connections().size();
    sink.stat("pid", ProcessHandle.current().pid());
    sink.stat("uptime", (now - server.startedAtMillis()) / 1000);
    sink.stat("time", now / 1000);
    sink.stat("version", LarderVersion.VERSION);
    sink.stat("pointer_size", pointerSize());
    sink.stat("rusage_user", secondsAndMicros(cpu.userMicros()));
    sink.stat("rusage_system", secondsAndMicros(cpu.systemMicros()));
    sink.stat("max_connections", config.connectionLimit());
    sink.stat("curr_connections", connections);
    sink.stat("total_connections", stats.totalConnections.sum());
    sink.stat("rejected_connections", stats.rejectedConnections.sum());
    // memcached counts its listening socket among its connection structures.
    sink.stat("connection_structures", connections + 1);
    sink.stat("cmd_get", stats.cmdGet.sum());
    sink.stat("cmd_set", stats.cmdSet.sum());
    sink.stat("cmd_flush", stats.cmdFlush.sum());
    sink.stat("cmd_touch", stats.cmdTouch.sum());
    sink.stat("cmd_meta", stats.cmdMeta.sum());
    sink.stat("get_hits", stats.getHits.sum());
    sink.stat("get_misses", stats.getMisses.sum());
    sink.stat("get_expired", stats.getExpired.sum());
    sink.stat("get_flushed", stats.getFlushed.sum());
    sink.stat("delete_misses", stats.deleteMisses.sum());
    sink.stat("delete_hits", stats.deleteHits.sum());
    sink.stat("incr_misses", stats.incrMisses.sum());
    sink.stat("incr_hits", stats.incrHits.sum());
    sink.stat("decr_misses", stats.decrMisses.sum());
    sink.stat("decr_hits", stats.decrHits.sum());
    sink.stat("cas_misses", stats.casMisses.sum());
    sink.stat("cas_hits", stats.casHits.sum());
    sink.stat("cas_badval", stats.casBadval.sum());
    sink.stat("touch_hits", stats.touchHits.sum());
    sink.stat("touch_misses", stats.touchMisses.sum());
    sink.stat("store_too_large", stats.storeTooLarge.sum());
    sink.stat("store_no_memory", stats.storeNoMemory.sum());
    // Larder has no authentication; memcached reports these zero unless SASL or ASCII auth is on.
    sink.stat("auth_cmds", 0);
    sink.stat("auth_errors", 0);
    if (!config.idleTimeout().isZero()) {
      sink.stat("idle_kicks", stats.idleKicks.sum());
    }
    sink.stat("bytes_read", stats.bytesRead.sum());
    sink.stat("bytes_written", stats.bytesWritten.sum());
    sink.stat("limit_maxbytes", engine.limitMaxbytes());
    sink.stat("accepting_conns", 1);
    sink.stat("threads", config.threads());
    sink.stat("bytes", engine.bytes());
    sink.stat("curr_items", engine.currItems());
    sink.stat("total_items", engine.totalItems());
    sink.stat("expired_unfetched", engine.expiredUnfetched());
    sink.stat("evicted_unfetched", engine.evictedUnfetched());
    sink.stat("evictions", engine.evictions());
    sink.stat("reclaimed", engine.reclaimed());
  }

  /** {@code stats settings}. */
  public void settings(StatSink sink) {
    sink.stat("maxbytes", server.engine().stats().limitMaxbytes());
    sink.stat("maxconns", config.connectionLimit());
    sink.stat("tcpport", config.port());
    sink.stat("udpport", config.udpPort());
    sink.stat("inter", config.listen());
    sink.stat("verbosity", server.verbosity());
    sink.stat("evictions", config.evictions() ? "on" : "off");
    sink.stat("domain_socket", "NULL");
    sink.stat("shutdown_command", yesNo(config.enableShutdown()));
    sink.stat("num_threads", config.threads());
    sink.stat("stat_key_prefix", ":");
    sink.stat("detail_enabled", "no");
    sink.stat("cas_enabled", "yes");
    sink.stat("auth_enabled_sasl", "no");
    sink.stat("auth_enabled_ascii", "no");
    sink.stat("item_size_max", config.maxItemSize());
    sink.stat("maxconns_fast", "yes");
    sink.stat("flush_enabled", "yes");
    sink.stat("dump_enabled", "no");
    sink.stat("idle_timeout", config.idleTimeout().toSeconds());
    sink.stat("track_sizes", "no");
  }

  /**
   * {@code stats items}: memcached's per-slab-class item counters; Larder's items all live in one
   * class, shown as 1.
   */
  public void items(StatSink sink) {
    EngineStats engine = server.engine().stats();
    if (engine.currItems() == 0) {
      return;
    }
    sink.stat("items:1:number", engine.currItems());
    sink.stat("items:1:age", engine.oldestItemAgeSeconds());
    sink.stat("items:1:mem_requested", engine.bytes());
    sink.stat("items:1:evicted", engine.evictions());
    sink.stat("items:1:outofmemory", engine.outOfMemory());
    sink.stat("items:1:reclaimed", engine.reclaimed());
    sink.stat("items:1:expired_unfetched", engine.expiredUnfetched());
    sink.stat("items:1:evicted_unfetched", engine.evictedUnfetched());
  }

  /** {@code stats slabs}: memcached's slab totals; Larder has no slab pages, so only the totals are shown. */
  public void slabs(StatSink sink) {
    EngineStats engine = server.engine().stats();
    sink.stat("active_slabs", engine.currItems() == 0 ? 0 : 1);
    sink.stat("total_malloced", engine.bytes());
  }

  /** {@code stats sizes}: Larder keeps no size histogram, as memcached by default. */
  public void sizes(StatSink sink) {
    sink.stat("sizes_status", "disabled");
  }

  /** {@code stats conns}: one group of lines per client connection, by connection number as memcached goes by fd. */
  public void conns(StatSink sink, long now) {
    List<ClientConnection> connections = new ArrayList<>(server.connections().all());
    connections.sort(Comparator.comparingLong(ClientConnection::id));
    String listenAddress = "tcp:" + config.listen() + ":" + config.port();
    for (ClientConnection connection : connections) {
      String prefix = connection.id() + ":";
      sink.stat(prefix + "addr", address(connection.remote()));
      sink.stat(prefix + "listen_addr", listenAddress);
      sink.stat(prefix + "state", connection.state());
      sink.stat(prefix + "secs_since_last_cmd", Math.max(0, now - connection.lastCommandAtMillis()) / 1000);
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
