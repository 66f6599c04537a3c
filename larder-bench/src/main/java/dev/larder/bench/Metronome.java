package dev.larder.bench;

import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Paces the connections of one event loop at a fixed rate with one periodic task, where a timer per
 * request would cost a scheduled task (garbage) each time. Connection {@code j} of {@code n} gets the
 * intended send times {@code first + (j + k * n) * spacing}, k = 0, 1, ...: its own fixed interval
 * of {@code n * spacing}, independent of the others. Each tick wakes, in order, every connection
 * whose next time has come. A connection still waiting for a reply then sends as soon as the reply
 * is in; either way its latency counts from the intended time.
 */
final class Metronome implements Runnable {
  /** Time from the start order to the first send, for the loop to set every connection up first. */
  private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /**
   * The shortest time between two ticks. Each tick costs the loop a timer wake-up, which at one per
   * request cost the bench more CPU than the server it measured on a 2-core machine; waking at most
   * every 50 us adds at most 50 us to a request's latency and sends the requests due by then together.
   */
  static final long MIN_TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  private final EventLoop loop;
  private final BenchConnection[] connections;
  private final long spacing;
  private long next;
  private long nextTime;
  private ScheduledFuture<?> ticks;

  /**
   * @param connections every connection registered on {@code loop}, at least one
   * @param spacing nanoseconds between the intended times of two consecutive connections, >= 1
   */
  Metronome(EventLoop loop, List<BenchConnection> connections, long spacing) {
    if (connections.isEmpty() || spacing < 1) {
      throw new IllegalArgumentException("connections: " + connections.size() + ", spacing: " + spacing
          + " (expected: at least one connection, spacing >= 1)");
    }
    this.loop = loop;
    this.connections = connections.toArray(BenchConnection[]::new);
    this.spacing = spacing;
  }

  /** Starts the connections with at most {@code pipeline} requests in flight each, from any thread. */
  void start(int pipeline) {
    loop.execute(() -> {
      nextTime = System.nanoTime() + LEAD_NANOS;
      long interval = connections.length * spacing;
      for (int j = 0; j < connections.length; j++) {
        connections[j].startOnLoop(pipeline, nextTime + j * spacing, interval);
      }
      ticks = loop.scheduleAtFixedRate(this, LEAD_NANOS, Math.max(spacing, MIN_TICK_NANOS),
          TimeUnit.NANOSECONDS);
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
    long now = System.nanoTime();
    while (nextTime <= now) {
      connections[(int) (next % connections.length)].sendDue();
      next++;
      nextTime += spacing;
    }
  }
}
