package dev.larder.server.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.protocol.text.TextRequest;
import dev.larder.protocol.text.TextRequestDecoder;
import dev.larder.server.ClientConnection;
import dev.larder.server.ReplyValues;
import dev.larder.server.ServerConfig;
import dev.larder.server.ServerContext;
import dev.larder.server.ServerStats;
import dev.larder.server.text.TextCommandExecutor;
import dev.larder.storage.EngineConfig;
import dev.larder.storage.ReferenceEngine;
import dev.larder.storage.SegmentEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta scripts in, reply bytes out, with a clock moved by hand: what the differential tests against
 * memcached cannot show (time passing) and the counters memcached moves for each meta command.
 */
class MetaCommandExecutorTest {
  private static final long START = 1_700_000_000_000L;

  private final long[] now = {START};
  private ServerContext server;
  private TextRequestDecoder decoder;
  private TextCommandExecutor executor;

  @BeforeEach
  void connect() {
    ReferenceEngine engine = new ReferenceEngine(new EngineConfig(64L << 20, 1 << 20, true, () -> now[0]));
    server = new ServerContext(ServerConfig.defaults(), engine, () -> now[0], () -> {});
    ClientConnection connection = new ClientConnection(7, new InetSocketAddress("127.0.0.1", 40000), START);
    decoder = new TextRequestDecoder(1 << 20);
    executor = new TextCommandExecutor(server, connection, new ReplyValues());
  }

  private String send(String wire) {
    ByteBuf in = Unpooled.copiedBuffer(wire, StandardCharsets.ISO_8859_1);
    ByteBuf out = Unpooled.buffer();
    TextRequest request;
    while ((request = decoder.decode(in)) != null) {
      executor.execute(request, out);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private void advanceSeconds(int seconds) {
    now[0] += seconds * 1000L;
  }

  private ServerStats stats() {
    return server.stats();
  }

  @Test
  void timeLeftAndTimeSinceAccessFollowTheClock() {
    send("ms k 1 T30\r\na\r\n");
    advanceSeconds(5);
    assertThat(send("mg k t l h\r\n")).isEqualTo("HD t25 l5 h0\r\n");
    advanceSeconds(3);
    assertThat(send("mg k t l h\r\n")).isEqualTo("HD t22 l3 h1\r\n");
    assertThat(send("me k\r\n")).isEqualTo("ME k exp=-22 la=0 cas=1 fetch=yes cls=1 size=" + (160 + 8 + 8) + "\r\n");
  }

  @Test
  void aNoBumpReadLeavesTheAccessTimeAlone() {
    send("ms k 1\r\na\r\n");
    advanceSeconds(4);
    send("mg k u\r\n");
    assertThat(send("mg k l h\r\n")).isEqualTo("HD l4 h0\r\n");
  }

  @Test
  void recacheIsWonOnceWhenTheTimeLeftDropsUnderR() {
    send("ms k 1 T60\r\na\r\n");
    assertThat(send("mg k R30 t\r\n")).isEqualTo("HD t60\r\n");
    advanceSeconds(31);
    assertThat(send("mg k R30 t\r\nmg k R30 t\r\n")).isEqualTo("HD t29 W\r\nHD t29 Z\r\n");
    assertThat(send("ms k 1 T60\r\nb\r\nmg k R30\r\n")).isEqualTo("HD\r\nHD\r\n");
  }

  @Test
  void aVivifiedItemExpiresAtItsN() {
    assertThat(send("mg k N10 s\r\n")).isEqualTo("HD s0 W\r\n");
    advanceSeconds(10);
    assertThat(send("mg k s\r\n")).isEqualTo("EN\r\n");
  }

  @Test
  void getCountsHitsMissesAndTouchesAsMemcachedDoes() {
    send("ms k 1\r\na\r\nmg k v\r\nmg nope v\r\nmg k T10\r\nmg nope T10\r\nmg viv N10\r\n");
    assertThat(stats().cmdGet.sum()).isEqualTo(4);
    assertThat(stats().getHits.sum()).isEqualTo(2);
    assertThat(stats().getMisses.sum()).isEqualTo(2);
    assertThat(stats().cmdTouch.sum()).isEqualTo(1);
    assertThat(stats().touchHits.sum()).isEqualTo(1);
    assertThat(stats().touchMisses.sum()).isZero();
  }

  @Test
  void getCountsExpiredItems() {
    send("ms k 1 T1\r\na\r\nms j 1 T1\r\nb\r\nms i 1 T1\r\nc\r\n");
    advanceSeconds(1);
    assertThat(send("mg k v\r\n")).isEqualTo("EN\r\n");
    assertThat(stats().getExpired.sum()).isEqualTo(1);
    // Lines that arrive together are looked up in one pass, each counted as alone.
    assertThat(send("mg j v\r\nmg i v q\r\nmg j v\r\nmn\r\n")).isEqualTo("EN\r\nEN\r\nMN\r\n");
    assertThat(stats().getExpired.sum()).isEqualTo(3);
    assertThat(stats().getMisses.sum()).isEqualTo(4);
  }

  @Test
  void setCountsSetsAndCasOutcomes() {
    send("ms k 1 c\r\na\r\nms k 1 C1\r\nb\r\nms k 1 C99\r\nc\r\nms none 1 C5\r\nd\r\nms k 1 ME\r\ne\r\n");
    assertThat(stats().cmdSet.sum()).isEqualTo(5);
    assertThat(stats().casHits.sum()).isEqualTo(1);
    assertThat(stats().casBadval.sum()).isEqualTo(1);
    assertThat(stats().casMisses.sum()).isEqualTo(1);
  }

  @Test
  void aValueTheEngineRefusesAsTooLargeRemovesTheItemAndIsNotASet() {
    String value = "v".repeat((1 << 20) - 10);
    assertThat(send("ms k 1\r\na\r\nms k " + value.length() + " MA q\r\n" + value + "\r\nmg k\r\n"))
        .isEqualTo("HD\r\nSERVER_ERROR object too large for cache\r\nEN\r\n");
    assertThat(stats().cmdSet.sum()).isEqualTo(1);
    assertThat(stats().storeTooLarge.sum()).isEqualTo(1);
  }

  @Test
  void deleteCountsHitsAndMissesButNotInvalidations() {
    send("ms k 1 c\r\na\r\nmd k C99\r\nmd k I\r\nmd k\r\nmd k\r\n");
    assertThat(stats().deleteHits.sum()).isEqualTo(1);
    assertThat(stats().deleteMisses.sum()).isEqualTo(2);
  }

  @Test
  void arithmeticCountsHitsAndMissesButNotCreations() {
    send("ms n 1\r\n1\r\nma n\r\nma n MD\r\nma none\r\nma none MD\r\nma made N0\r\nma n C99\r\n");
    assertThat(stats().incrHits.sum()).isEqualTo(1);
    assertThat(stats().decrHits.sum()).isEqualTo(1);
    assertThat(stats().incrMisses.sum()).isEqualTo(1);
    assertThat(stats().decrMisses.sum()).isEqualTo(1);
  }

  @Test
  void debugCountsAsAMetaCommandOnly() {
    send("ms k 1\r\na\r\nme k\r\nme none\r\n");
    assertThat(stats().cmdMeta.sum()).isEqualTo(2);
    assertThat(stats().cmdGet.sum()).isZero();
    assertThat(send("mg k h\r\n")).isEqualTo("HD h0\r\n");
  }

  @Test
  void quietModeLeavesOutOnlyUninterestingReplies() {
    assertThat(send("ms k 1 q\r\na\r\nmg k q v\r\nmg none q v\r\nmd none q\r\nma k q\r\nms k 1 ME q\r\nb\r\nmn\r\n"))
        .isEqualTo("VA 1\r\na\r\nNF\r\nCLIENT_ERROR cannot increment or decrement non-numeric value\r\nNS\r\nMN\r\n");
  }

  /**
   * mg lines that arrive together are looked up in one pass (a run) in the production engine: each
   * must be answered and counted as when the same lines arrive one at a time, clock moving between
   * bursts so that items expire, go stale and near their recache time.
   */
  @Test
  void aRunOfMgIsAnsweredAsTheSameLinesOneAtATime() {
    Random random = new Random(7);
    SegmentConnection whole = new SegmentConnection();
    SegmentConnection lineByLine = new SegmentConnection();
    String[] flags = {"v", "k", "q", "c", "t", "s", "h", "l", "u", "f", "N30", "T10", "R20", "Oab"};
    for (int burst = 0; burst < 40; burst++) {
      StringBuilder script = new StringBuilder();
      for (int line = random.nextInt(30); line >= 0; line--) {
        String key = "k" + random.nextInt(6);
        switch (random.nextInt(10)) {
          case 0 -> script.append("ms ").append(key).append(" 1 T").append(random.nextInt(40)).append("\r\nz\r\n");
          case 1 -> script.append("md ").append(key).append(random.nextBoolean() ? " I\r\n" : " q\r\n");
          case 2 -> script.append("mg ").append(key).append(" v v\r\n"); // refused: a duplicate flag
          default -> {
            script.append("mg ").append(key);
            Set<String> chosen = new LinkedHashSet<>();
            for (int i = random.nextInt(5); i > 0; i--) {
              chosen.add(flags[random.nextInt(flags.length)]);
            }
            chosen.forEach(flag -> script.append(' ').append(flag));
            script.append("\r\n");
          }
        }
      }
      script.append("mn\r\n");
      String wire = script.toString();
      StringBuilder oneAtATime = new StringBuilder();
      for (String line : wire.split("(?<=\n)")) {
        oneAtATime.append(lineByLine.send(line));
      }
      assertThat(whole.send(wire)).as("replies to %s", wire).isEqualTo(oneAtATime.toString());
      advanceSeconds(random.nextInt(12));
    }
    for (SegmentConnection connection : List.of(whole, lineByLine)) {
      connection.server.engine().close();
    }
    ServerStats expected = lineByLine.server.stats();
    ServerStats actual = whole.server.stats();
    assertThat(actual.cmdGet.sum()).isEqualTo(expected.cmdGet.sum()).isPositive();
    assertThat(actual.getHits.sum()).isEqualTo(expected.getHits.sum()).isPositive();
    assertThat(actual.getMisses.sum()).isEqualTo(expected.getMisses.sum()).isPositive();
    assertThat(actual.getExpired.sum()).isEqualTo(expected.getExpired.sum()).isPositive();
    assertThat(actual.cmdTouch.sum()).isEqualTo(expected.cmdTouch.sum()).isPositive();
    assertThat(actual.touchHits.sum()).isEqualTo(expected.touchHits.sum());
  }

  /** A connection to a server of its own on the production engine, on this test's clock. */
  private final class SegmentConnection {
    final ServerContext server = new ServerContext(ServerConfig.defaults(),
        new SegmentEngine(new EngineConfig(64L << 20, 1 << 20, true, () -> now[0])), () -> now[0], () -> {});
    final TextRequestDecoder decoder = new TextRequestDecoder(1 << 20);
    final TextCommandExecutor executor =
        new TextCommandExecutor(server, new ClientConnection(8, new InetSocketAddress("127.0.0.1", 40001), START),
            new ReplyValues());

    String send(String wire) {
      ByteBuf in = Unpooled.copiedBuffer(wire, StandardCharsets.ISO_8859_1);
      ByteBuf out = Unpooled.buffer();
      TextRequest request;
      while ((request = decoder.decode(in)) != null) {
        executor.execute(request, out);
      }
      assertThat(in.isReadable()).as("bytes left of %s", wire).isFalse();
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
