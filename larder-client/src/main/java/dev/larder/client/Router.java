package dev.larder.client;

import dev.larder.client.ServerHealth.Dead;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes keys around dead servers: keeps each server's health from the outcomes of the commands sent to
 * it, marks a server dead and brings it back as its {@link DeadServerPolicy} says, and publishes the
 * result as an immutable {@link RoutingTable}. Reading the table is a volatile read (and a clock reading
 * while a server is dead); a table is replaced, with compare-and-set, only when a server's health
 * changes. Thread-safe.
 */
final class Router {
  private static final Logger log = LoggerFactory.getLogger(Router.class);

  private final AtomicReference<RoutingTable> table;
  private final DeadServerPolicy policy;
  private final FailureMode mode;
  private final Predicate<Node> connected;
  private final LongSupplier nanoClock;

  /**
   * @param servers the servers, in configuration order
   * @param locatorFactory builds a locator over a list of servers
   * @param connected whether a server has an open connection now
   * @param nanoClock {@link System#nanoTime()}, or a test's clock
   */
  Router(List<Node> servers, Function<List<Node>, NodeLocator> locatorFactory, DeadServerPolicy policy,
      FailureMode mode, Predicate<Node> connected, LongSupplier nanoClock) {
    this.table = new AtomicReference<>(RoutingTable.allHealthy(servers, locatorFactory, mode));
    this.policy = policy;
    this.mode = mode;
    this.connected = connected;
    this.nanoClock = nanoClock;
  }

  /** The table to route with now, once any dead server whose time is up has been looked at. */
  RoutingTable table() {
    RoutingTable current = table.get();
    if (!current.anyDead()) {
      return current;
    }
    long now = nanoClock.getAsLong();
    if (!current.reviewDue(now)) {
      return current;
    }
    for (Node node : current.servers()) {
      if (current.isDead(node)) {
        change(node, health -> policy.afterReview(health, now, connected.test(node)));
      }
    }
    return table.get();
  }

  /**
   * Takes the outcome of a command sent to {@code node}: null when it completed, or what it failed
   * with. A reply, even an error reply, shows the server is there; a failure counts against it only if
   * it says the server is down, unreachable or silent. Anything else ({@link OverloadedException}: the
   * command was never sent) says nothing about the server.
   */
  void record(Node node, Throwable failure) {
    if (failure == null || failure instanceof ServerErrorException) {
      // The hot path: one map lookup, and no change for a healthy server.
      if (!(table.get().health(node) instanceof ServerHealth.Healthy)) {
        change(node, policy::afterSuccess);
      }
    } else if (failure instanceof ServerUnavailableException
        || failure instanceof ConnectionLostException
        || failure instanceof CacheTimeoutException) {
      long now = nanoClock.getAsLong();
      change(node, health -> policy.afterFailure(health, now));
    }
  }

  private void change(Node node, UnaryOperator<ServerHealth> event) {
    while (true) {
      RoutingTable current = table.get();
      ServerHealth before = current.health(node);
      ServerHealth after = event.apply(before);
      if (after.equals(before)) {
        return;
      }
      RoutingTable next = current.with(node, after);
      if (table.compareAndSet(current, next)) {
        logChange(node, before, after, next);
        return;
      }
    }
  }

  private void logChange(Node node, ServerHealth before, ServerHealth after, RoutingTable next) {
    if (after instanceof Dead dead && !(before instanceof Dead)) {
      String meanwhile = mode == FailureMode.FAIL ? "its keys fail"
          : next.servers().stream().allMatch(next::isDead) ? "every server is dead, so its keys still go to it"
          : "its keys go to the other servers";
      log.warn("server {} marked dead after {} failures; {} until {}", node, policy.retryAttempts() + 1,
          meanwhile, wallClock(dead.untilNanos()));
    } else if (after instanceof Dead dead) {
      log.debug("server {} still unreachable after its dead timeout; looked at again at {}", node,
          wallClock(dead.untilNanos()));
    } else if (before instanceof Dead) {
      log.info("server {} back", node);
    } else {
      log.debug("server {}: {}", node, after);
    }
  }

  /** The wall-clock time of a {@link #nanoClock} reading, to the second, for log lines. */
  private Instant wallClock(long nanos) {
    Duration fromNow = Duration.ofNanos(nanos - nanoClock.getAsLong());
    return Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS);
  }
}
