package dev.larder.bench;

import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Paces the connections of one event loop at a fixed rate with one periodic task, where a timer per
 * request would cost a scheduled task (garbage) each time. Connection {@code j} of {@code n} gets the
 * intended send times {@code first + (j + k * n) * period}, k = 0, 1, ...: its own fixed interval of
 * {@code n * period}, independent of the others, and tick {@code j + k * n} wakes it at exactly that
 * time. A connection still waiting for a reply when its tick comes sends as soon as the reply is in,
 * and its latency counts from the intended time.
 */
final class Metronome implements Runnable {
  /** Time from the start order to the first tick, for the loop to set every connection up first. */
  private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final EventLoop loop;
  private final BenchConnection[] connections;
  private final long period;
  private long tick;
  private ScheduledFuture<?> ticks;

  /**
   * @param connections every connection registered on {@code loop}, at least one
   * @param period nanoseconds between two ticks, at least 1
   */
  Metronome(EventLoop loop, List<BenchConnection> connections, long period) {
    if (connections.isEmpty() || period < 1) {
      throw new IllegalArgumentException("connections: " + connections.size() + ", period: " + period
          + " (expected: at least one connection, period >= 1)");
    }
    this.loop = loop;
    this.connections = connections.toArray(BenchConnection[]::new);
    this.period = period;
  }

  /** Starts the connections with at most {@code pipeline} requests in flight each, from any thread. */
  void start(int pipeline) {
    loop.execute(() -> {
      long first = System.nanoTime() + LEAD_NANOS;
      long interval = connections.length * period;
      for (int j = 0; j < connections.length; j++) {
        connections[j].startOnLoop(pipeline, first + j * period, interval);
      }
      // The loop reads its clock after ours, so no tick comes before the time it stands for.
      ticks = loop.scheduleAtFixedRate(this, LEAD_NANOS, period, TimeUnit.NANOSECONDS);
    });
  }

  /** Stops ticking, from any thread. */
  void stop() {
    loop.execute(() -> {
      if (ticks != null) {
        ticks.cancel(false);
      }
    });
  }

  @Override
  public void run() {
    connections[(int) (tick % connections.length)].sendDue();
    tick++;
  }
}
