package dev.larder.server.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.protocol.text.TextRequest;
import dev.larder.protocol.text.TextRequestDecoder;
import dev.larder.server.ClientConnection;
import dev.larder.server.ReplyValues;
import dev.larder.server.ServerConfig;
import dev.larder.server.ServerContext;
import dev.larder.server.ServerStats;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.EngineConfig;
import dev.larder.storage.ReferenceEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scripts in, reply bytes out, as one connection's read bursts; the expected bytes are memcached
 * 1.6.18's answers to the same scripts.
 */
class TextCommandExecutorTest {
  private static final long START = 1_700_000_000_000L;
  private static final int MAX_VALUE = 1000;

  private final long[] now = {START};
  private CacheEngine engine;
  private ServerContext server;
  private TextRequestDecoder decoder;
  private TextCommandExecutor executor;
  private boolean open;
  private int shutdowns;

  @BeforeEach
  void connect() {
    connect(ServerConfig.defaults());
  }

  private void connect(ServerConfig config) {
    engine = new ReferenceEngine(new EngineConfig(64L << 20, 1 << 20, true, () -> now[0]));
    server = new ServerContext(config, engine, () -> now[0], () -> shutdowns++);
    ClientConnection connection = new ClientConnection(7, new InetSocketAddress("127.0.0.1", 40000), START);
    server.connections().tryAdd(connection, Integer.MAX_VALUE);
    decoder = new TextRequestDecoder(MAX_VALUE);
    executor = new TextCommandExecutor(server, connection, new ReplyValues());
    open = true;
  }

  /** One read burst: decode and execute until more bytes are needed, then "flush" what was written. */
  private String burst(String wire) {
    ByteBuf in = Unpooled.copiedBuffer(wire, StandardCharsets.ISO_8859_1);
    ByteBuf out = Unpooled.buffer();
    TextRequest request;
    while (open && (request = decoder.decode(in)) != null) {
      open = executor.execute(request, out);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private ServerStats stats() {
    return server.stats();
  }

  @Test
  void setThenGetAndGets() {
    assertThat(burst("set a 5 0 3\r\nabc\r\nget a b\r\ngets a\r\n"))
        .isEqualTo("STORED\r\nVALUE a 5 3\r\nabc\r\nEND\r\nVALUE a 5 3 1\r\nabc\r\nEND\r\n");
    assertThat(stats().cmdSet.sum()).isEqualTo(1);
    assertThat(stats().cmdGet.sum()).isEqualTo(3);
    assertThat(stats().getHits.sum()).isEqualTo(2);
    assertThat(stats().getMisses.sum()).isEqualTo(1);
  }

  /**
   * A get line of many keys is answered a part at a time (as the client reads): one END, every key
   * counted, and a gat's expiry worked out once for the line, however late its last part runs.
   */
  @Test
  void aGetOfManyKeysIsAnsweredInPartsAsOneGet() {
    StringBuilder keys = new StringBuilder();
    StringBuilder sets = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      keys.append(" k").append(i);
      sets.append("set k").append(i).append(" 0 0 1\r\nv\r\n");
    }
    burst(sets.toString());
    ByteBuf in = Unpooled.copiedBuffer("gat 100" + keys + "\r\n", StandardCharsets.ISO_8859_1);
    ByteBuf out = Unpooled.buffer();
    TextRequest part;
    int parts = 0;
    while ((part = decoder.decode(in)) != null) {
      executor.execute(part, out);
      parts++;
      now[0] += 30_000; // a client that reads slowly
    }
    String reply = out.toString(StandardCharsets.ISO_8859_1);
    assertThat(parts).isEqualTo(3);
    assertThat(reply).startsWith("VALUE k0 0 1\r\nv\r\nVALUE k1 ").endsWith("VALUE k39 0 1\r\nv\r\nEND\r\n");
    assertThat(reply.split("END", -1)).hasSize(2);
    assertThat(reply.split("VALUE", -1)).hasSize(41);
    assertThat(stats().cmdTouch.sum()).isEqualTo(40);
    assertThat(stats().touchHits.sum()).isEqualTo(40);
    now[0] = START + 101_000;
    assertThat(burst("get k0 k20 k39\r\n")).isEqualTo("END\r\n");
  }

  @Test
  void flagsAreUnsigned() {
    assertThat(burst("set a 4294967295 0 1\r\nx\r\nget a\r\n"))
        .isEqualTo("STORED\r\nVALUE a 4294967295 1\r\nx\r\nEND\r\n");
  }

  @Test
  void expiredItemCountsAsExpiredMiss() {
    burst("set a 0 10 1\r\nx\r\n");
    now[0] += 10_000;
    assertThat(burst("get a\r\n")).isEqualTo("END\r\n");
    assertThat(stats().getExpired.sum()).isEqualTo(1);
    assertThat(stats().getMisses.sum()).isEqualTo(1);
  }

  @Test
  void gatCountsAsTouch() {
    assertThat(burst("set a 0 0 1\r\nx\r\ngat 100 a b\r\n")).isEqualTo("STORED\r\nVALUE a 0 1\r\nx\r\nEND\r\n");
    assertThat(stats().cmdTouch.sum()).isEqualTo(2);
    assertThat(stats().touchHits.sum()).isEqualTo(1);
    assertThat(stats().touchMisses.sum()).isEqualTo(1);
    assertThat(stats().cmdGet.sum()).isZero();
  }

  @Test
  void noreplySuppressesEveryOutString() {
    assertThat(burst("set a 0 0 1 noreply\r\n1\r\nincr a 5 noreply\r\ntouch a 0 noreply\r\n"
            + "delete zz noreply\r\nflush_all noreply\r\nverbosity 1 noreply\r\nset a 0 0 x noreply\r\n"))
        .isEmpty();
  }

  @Test
  void casCounters() {
    burst("set a 0 0 1\r\nx\r\n");
    assertThat(burst("cas a 0 0 1 1\r\ny\r\ncas a 0 0 1 1\r\nz\r\ncas b 0 0 1 1\r\nz\r\n"))
        .isEqualTo("STORED\r\nEXISTS\r\nNOT_FOUND\r\n");
    assertThat(stats().casHits.sum()).isEqualTo(1);
    assertThat(stats().casBadval.sum()).isEqualTo(1);
    assertThat(stats().casMisses.sum()).isEqualTo(1);
    assertThat(stats().cmdSet.sum()).isEqualTo(4);
  }

  @Test
  void incrDecr() {
    assertThat(burst("set n 0 0 2\r\n10\r\nincr n 18446744073709551615\r\ndecr n 100\r\nincr zz 1\r\n"
            + "set s 0 0 1\r\nx\r\nincr s 1\r\nincr n -1\r\n"))
        .isEqualTo("STORED\r\n9\r\n0\r\nNOT_FOUND\r\nSTORED\r\n"
            + "CLIENT_ERROR cannot increment or decrement non-numeric value\r\n"
            + "CLIENT_ERROR invalid numeric delta argument\r\n");
    assertThat(stats().incrHits.sum()).isEqualTo(1);
    assertThat(stats().decrHits.sum()).isEqualTo(1);
    assertThat(stats().incrMisses.sum()).isEqualTo(1);
  }

  @Test
  void deleteAndTouch() {
    assertThat(burst("set a 0 0 1\r\nx\r\ntouch a 10\r\ntouch b 10\r\ndelete a\r\ndelete a\r\ndelete a 5\r\n"))
        .isEqualTo("STORED\r\nTOUCHED\r\nNOT_FOUND\r\nDELETED\r\nNOT_FOUND\r\n"
            + "CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]\r\n");
    assertThat(stats().deleteHits.sum()).isEqualTo(1);
    assertThat(stats().deleteMisses.sum()).isEqualTo(1);
    assertThat(stats().touchHits.sum()).isEqualTo(1);
    assertThat(stats().touchMisses.sum()).isEqualTo(1);
  }

  @Test
  void tooLargeValueRemovesTheOldItemForSetOnly() {
    String big = "z".repeat(MAX_VALUE + 1);
    assertThat(burst("set b 0 0 1\r\ny\r\nadd b 0 0 " + big.length() + "\r\n" + big + "\r\nget b\r\n"
            + "set b 0 0 " + big.length() + " noreply\r\n" + big + "\r\nget b\r\n"))
        .isEqualTo("STORED\r\nSERVER_ERROR object too large for cache\r\nVALUE b 0 1\r\ny\r\nEND\r\nEND\r\n");
    assertThat(stats().storeTooLarge.sum()).isEqualTo(2);
    assertThat(stats().cmdSet.sum()).isEqualTo(1);
  }

  @Test
  void badDataChunkCountsAsASet() {
    assertThat(burst("set a 0 0 1\r\nxyz\r\n")).isEqualTo("CLIENT_ERROR bad data chunk\r\nERROR\r\n");
    assertThat(stats().cmdSet.sum()).isEqualTo(1);
  }

  @Test
  void tooLongKeyDropsTheValuesAndEveryUnsentReply() {
    // memcached 1.6.18: b'STORED' is lost too, as it was still queued when the get failed.
    String tooLong = "k".repeat(251);
    assertThat(burst("set a 0 0 1\r\nx\r\nget a " + tooLong + "\r\n"))
        .isEqualTo("CLIENT_ERROR bad command line format\r\n");
  }

  @Test
  void tooLongKeyKeepsRepliesSentByAnEarlierGet() {
    String tooLong = "k".repeat(251);
    burst("set a 0 0 1\r\nx\r\n");
    assertThat(burst("get a\r\nget a " + tooLong + "\r\n"))
        .isEqualTo("VALUE a 0 1\r\nx\r\nEND\r\nCLIENT_ERROR bad command line format\r\n");
  }

  @Test
  void tooLongKeyCannotDropFlushedReplies() {
    assertThat(burst("set a 0 0 1\r\nx\r\n")).isEqualTo("STORED\r\n");
    assertThat(burst("get a " + "k".repeat(251) + "\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
  }

  @Test
  void closingDropsUnsentReplies() {
    assertThat(burst("set a 0 0 1\r\nx\r\nGET / HTTP/1.1\r\n")).isEmpty();
    assertThat(open).isFalse();
  }

  @Test
  void quitSendsWhatCameBefore() {
    assertThat(burst("set a 0 0 1\r\nx\r\nquit\r\nget a\r\n")).isEqualTo("STORED\r\n");
    assertThat(open).isFalse();
  }

  @Test
  void flushAll() {
    assertThat(burst("set a 0 0 1\r\nx\r\nflush_all\r\nget a\r\nflush_all abc\r\nflush_all 10\r\n"))
        .isEqualTo("STORED\r\nOK\r\nEND\r\nCLIENT_ERROR invalid exptime argument\r\nOK\r\n");
    assertThat(stats().cmdFlush.sum()).isEqualTo(3);
    assertThat(burst("set b 0 0 1\r\ny\r\n")).isEqualTo("STORED\r\n");
    now[0] = START + 9_999;
    assertThat(burst("get b\r\n")).isEqualTo("VALUE b 0 1\r\ny\r\nEND\r\n");
    now[0] = START + 10_000;
    assertThat(burst("get b\r\n")).isEqualTo("END\r\n");
  }

  @Test
  void versionVerbosityAndMemlimit() {
    assertThat(burst("version\r\nverbosity 9\r\ncache_memlimit 7\r\ncache_memlimit 1000000001\r\ncache_memlimit 100\r\n"))
        .isEqualTo("VERSION 1.6.18+larder.0.1.0\r\nOK\r\n"
            + "MEMLIMIT_TOO_SMALL cannot set maxbytes to less than 8m\r\n"
            + "MEMLIMIT_ADJUST_FAILED input value is megabytes not bytes\r\nOK\r\n");
    assertThat(server.verbosity()).isEqualTo(2);
    assertThat(engine.stats().limitMaxbytes()).isEqualTo(100L << 20);
  }

  @Test
  void shutdownNotEnabled() {
    assertThat(burst("shutdown\r\nshutdown foo\r\n"))
        .isEqualTo("ERROR: shutdown not enabled\r\nERROR: shutdown not enabled\r\n");
    assertThat(shutdowns).isZero();
  }

  @Test
  void shutdownEnabled() {
    ServerConfig defaults = ServerConfig.defaults();
    connect(new ServerConfig(defaults.port(), defaults.listen(), defaults.memoryLimitBytes(),
        defaults.connectionLimit(), defaults.threads(), defaults.maxItemSize(), defaults.udpPort(),
        defaults.verbosity(), true, defaults.evictions(), Duration.ZERO));
    assertThat(burst("shutdown foo\r\n")).isEqualTo("CLIENT_ERROR invalid shutdown mode\r\n");
    assertThat(burst("version\r\nshutdown graceful\r\n")).isEmpty();
    assertThat(open).isFalse();
    assertThat(shutdowns).isEqualTo(1);
  }

  @Test
  void generalStatsInMemcachedOrder() {
    burst("set a 0 0 1\r\nx\r\nget a\r\n");
    String reply = burst("stats\r\n");
    assertThat(reply).startsWith("STAT pid " + ProcessHandle.current().pid() + "\r\nSTAT uptime 0\r\nSTAT time 1700000000\r\n"
        + "STAT version 1.6.18+larder.0.1.0\r\nSTAT pointer_size 64\r\nSTAT rusage_user ")
        .contains("\r\nSTAT cmd_get 1\r\nSTAT cmd_set 1\r\nSTAT cmd_flush 0\r\nSTAT cmd_touch 0\r\nSTAT cmd_meta 0\r\nSTAT get_hits 1\r\n")
        .contains("\r\nSTAT limit_maxbytes 67108864\r\n")
        .endsWith("STAT curr_items 1\r\nSTAT total_items 1\r\nSTAT expired_unfetched 0\r\n"
            + "STAT evicted_unfetched 0\r\nSTAT evictions 0\r\nSTAT reclaimed 0\r\nEND\r\n");
    assertThat(reply).matches("(?s).*STAT rusage_user \\d+\\.\\d{6}\r\nSTAT rusage_system \\d+\\.\\d{6}\r\n.*");
  }

  @Test
  void statsSubcommands() {
    assertThat(burst("stats reset\r\nstats detail\r\nstats detail dump\r\nstats foo\r\nstats sizes\r\n"))
        .isEqualTo("RESET\r\nCLIENT_ERROR usage: stats detail on|off|dump\r\nEND\r\nERROR\r\n"
            + "STAT sizes_status disabled\r\nEND\r\n");
    assertThat(burst("stats conns\r\n"))
        .isEqualTo("STAT 7:addr tcp:127.0.0.1:40000\r\nSTAT 7:listen_addr tcp:127.0.0.1:11211\r\n"
            + "STAT 7:state conn_parse_cmd\r\nSTAT 7:secs_since_last_cmd 0\r\nEND\r\n");
    assertThat(burst("stats settings\r\n")).startsWith("STAT maxbytes 67108864\r\nSTAT maxconns 1024\r\n")
        .endsWith("STAT idle_timeout 0\r\nSTAT track_sizes no\r\nEND\r\n");
  }
}
