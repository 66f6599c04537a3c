package dev.larder.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the bench: an optional prefill that sets every key once, then the measured phase. Each phase
 * opens its own connections and closes them at its end.
 */
public final class Bench {
  /** The prefill sends at least this many sets in flight per connection, whatever {@code --pipeline}. */
  static final int PREFILL_PIPELINE = 16;

  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** A run with requests in flight and no reply for this long has a stuck server. */
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long CONNECT_TIMEOUT_MILLIS = 5000;

  private final BenchConfig config;
  private final PrintStream progressOut;
  private final byte[] valueBytes;

  private Bench(BenchConfig config, PrintStream progressOut) {
    this.config = config;
    this.progressOut = progressOut;
    this.valueBytes = new byte[config.valueSizes().max()];
    Arrays.fill(valueBytes, (byte) 'x');
  }

  /**
   * Runs {@code config} and returns the measured phase's report.
   *
   * @param progressOut where the progress line goes once a second, or null for none
   * @throws BenchException if a server cannot be reached, closes a connection, stops answering or
   *     answers out of step
   */
  public static BenchReport run(BenchConfig config, PrintStream progressOut) throws InterruptedException {
    return new Bench(config, progressOut).run();
  }

  private BenchReport run() throws InterruptedException {
    try (EventLoops loops = new EventLoops(config.threads())) {
      if (config.prefill()) {
        prefill(loops);
      }
      return measure(loops);
    }
  }

  private void prefill(EventLoops loops) throws InterruptedException {
    long start = System.nanoTime();
    PhaseResult result = runPhase(loops, true);
    if (progressOut != null) {
      progressOut.printf(Locale.ROOT, "prefill: %d sets in %.2f s, %d errors%n", result.stats().sets(),
          (result.end() - start) / 1e9, result.stats().errors());
    }
  }

  private BenchReport measure(EventLoops loops) throws InterruptedException {
    PhaseResult result = runPhase(loops, false);
    BenchStats stats = result.stats();
    return new BenchReport(describe(), (result.end() - result.measuredFrom()) / 1e9, stats.gets(),
        stats.sets(), stats.hits(), stats.misses(), stats.errors(), Latency.of(stats.getLatency()),
        Latency.of(stats.setLatency()), Latency.of(stats.allLatency()));
  }

  /** What a phase recorded, and the window it was measured over. */
  private record PhaseResult(BenchStats stats, long measuredFrom, long end) {}

  private PhaseResult runPhase(EventLoops loops, boolean prefill) throws InterruptedException {
    int total = config.totalConnections();
    long budget = prefill || config.requests() == 0 ? RunControl.UNLIMITED : config.requests();
    RunControl control = new RunControl(budget, total);
    BenchStats stats = new BenchStats();
    List<BenchConnection> connections = new ArrayList<>(total);
    List<Channel> channels = new ArrayList<>(total);
    List<Metronome> metronomes = new ArrayList<>();
    try {
      SplittableRandom seeds = new SplittableRandom(config.seed());
      for (int server = 0; server < config.servers().size(); server++) {
        KeyPartition partition = new KeyPartition(server, config.servers().size(), config.keys());
        KeySampler ranks = config.keyPattern().sampler(partition.size(), config.zipfAlpha());
        for (int c = 0; c < config.connections(); c++) {
          Workload workload = prefill
              ? new PrefillWorkload(partition, c, config.connections())
              : new MixedWorkload(config.ratio(), ranks, partition, seeds.split());
          BenchConnection connection = new BenchConnection(name(config.servers().get(server)),
              config.protocol(), workload, prefill ? 1 : config.multiget(), config.valueSizes(),
              valueBytes, control, stats);
          EventLoop loop = loops.loops().get(connections.size() % loops.loops().size());
          channels.add(connect(loop, loops.channelType(), config.servers().get(server), connection));
          connections.add(connection);
        }
      }
      int pipeline = prefill ? Math.max(PREFILL_PIPELINE, config.pipeline()) : config.pipeline();
      long start = System.nanoTime();
      long measuredFrom = start + (prefill ? 0 : config.unmeasuredStart().toNanos());
      control.measureFrom(measuredFrom);
      if (prefill || config.rate() == 0) {
        connections.forEach(connection -> connection.startClosedLoop(pipeline));
      } else {
        metronomes.addAll(metronomes(loops, connections));
        metronomes.forEach(metronome -> metronome.start(pipeline));
      }
      long end = awaitEnd(control, stats, connections, start, measuredFrom, prefill);
      return new PhaseResult(stats, measuredFrom, end);
    } finally {
      metronomes.forEach(Metronome::stop);
      for (Channel channel : channels) {
        channel.close();
      }
    }
  }

  /**
   * One metronome per loop, for the connections on it (connection {@code i} is on loop
   * {@code i % loops}), at its share of the rate, so every connection is due once per
   * {@code connections / rate} seconds.
   */
  private List<Metronome> metronomes(EventLoops loops, List<BenchConnection> connections) {
    List<Metronome> metronomes = new ArrayList<>();
    int loopCount = loops.loops().size();
    for (int l = 0; l < Math.min(loopCount, connections.size()); l++) {
      List<BenchConnection> onLoop = new ArrayList<>();
      for (int i = l; i < connections.size(); i += loopCount) {
        onLoop.add(connections.get(i));
      }
      long spacing = Math.max(1, Math.round(1e9 * connections.size() / config.rate() / onLoop.size()));
      metronomes.add(new Metronome(loops.loops().get(l), onLoop, spacing));
    }
    return metronomes;
  }

  /** Waits for the phase's end, printing progress and enforcing the duration; returns the end time. */
  private long awaitEnd(RunControl control, BenchStats stats, List<BenchConnection> connections,
      long start, long measuredFrom, boolean prefill) throws InterruptedException {
    boolean timed = !prefill && config.requests() == 0;
    long deadline = measuredFrom + config.duration().toNanos();
    Progress progress = new Progress(prefill ? null : progressOut, start);
    long nextTick = start + TICK_NANOS;
    long lastReplies = 0;
    long lastReply = start;
    while (true) {
      long now = System.nanoTime();
      long wakeUp = timed && !control.stopping() ? Math.min(nextTick, deadline) : nextTick;
      if (control.awaitDone(Math.max(0, wakeUp - now))) {
        break;
      }
      now = System.nanoTime();
      if (timed && now >= deadline && !control.stopping()) {
        control.stop();
        connections.forEach(BenchConnection::stopWhenIdle);
      }
      if (now >= nextTick) {
        stats.collect();
        progress.print(stats, now, start);
        nextTick += TICK_NANOS;
      }
      if (stats.replies() != lastReplies) {
        lastReplies = stats.replies();
        lastReply = now;
      } else if (now - lastReply > STALL_NANOS) {
        control.fail("no reply for " + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS) + " s");
      }
    }
    long end = System.nanoTime();
    if (control.failure() != null) {
      throw new BenchException(control.failure());
    }
    stats.collect();
    return end;
  }

  private static Channel connect(EventLoop loop, Class<? extends SocketChannel> channelType,
      InetSocketAddress server, BenchConnection connection) throws InterruptedException {
    ChannelFuture connect = new Bootstrap()
        .group(loop)
        .channel(channelType)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT_MILLIS)
        .handler(connection)
        .connect(server)
        .await();
    if (!connect.isSuccess()) {
      throw new BenchException(
          "cannot connect to " + name(server) + ": " + connect.cause().getMessage(), connect.cause());
    }
    return connect.channel();
  }

  private String describe() {
    String load = (config.requests() > 0
        ? config.requests() + " requests" : config.duration().toMillis() / 1000.0 + " s")
        + (config.unmeasuredStart().isZero()
            ? "" : " after " + config.unmeasuredStart().toMillis() / 1000.0 + " s unmeasured");
    String pace = config.rate() > 0 ? String.format(Locale.ROOT, ", rate %.0f/s", config.rate()) : "";
    String keys = config.keyPattern() == KeyPattern.ZIPF
        ? "zipf " + config.zipfAlpha() : config.keyPattern().name().toLowerCase(Locale.ROOT);
    return String.format(Locale.ROOT,
        "larder bench: %s, %s, %s, %d threads, %d connections/server, pipeline %d, get:set %s, "
            + "%d keys %s, values %s B, multiget %d%s%s",
        config.servers().stream().map(Bench::name).toList(),
        config.protocol().name().toLowerCase(Locale.ROOT), load, config.threads(), config.connections(),
        config.pipeline(), config.ratio(), config.keys(), keys, config.valueSizes(), config.multiget(), pace,
        config.prefill() ? ", prefilled" : "");
  }

  private static String name(InetSocketAddress server) {
    return server.getHostString() + ":" + server.getPort();
  }
}
