package dev.larder.client;

import dev.larder.client.ServerHealth.Dead;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One immutable view of routing: every server's {@link ServerHealth} and the locator keys are placed
 * with. A change of health gives a new table ({@link #with}); the locator is rebuilt only when a
 * server enters or leaves the ring, so that readers never lock and never see a half-made change.
 */
final class RoutingTable {
  private final List<Node> servers;
  private final Function<List<Node>, NodeLocator> locatorFactory;
  private final FailureMode mode;
  private final Map<Node, ServerHealth> health;
  private final NodeLocator locator;
  /** Whether any server is dead, and so {@link #reviewAtNanos} means something. */
  private final boolean anyDead;
  /** The earliest time a dead server is due to be looked at again. */
  private final long reviewAtNanos;

  private RoutingTable(List<Node> servers, Function<List<Node>, NodeLocator> locatorFactory, FailureMode mode,
      Map<Node, ServerHealth> health, NodeLocator locator) {
    this.servers = servers;
    this.locatorFactory = locatorFactory;
    this.mode = mode;
    this.health = health;
    this.locator = locator;
    this.anyDead = health.values().stream().anyMatch(Dead.class::isInstance);
    this.reviewAtNanos = health.values().stream().filter(Dead.class::isInstance)
        .mapToLong(dead -> ((Dead) dead).untilNanos())
        .reduce((a, b) -> a - b < 0 ? a : b)
        .orElse(0);
  }

  /** Every server healthy: keys go where {@code locatorFactory} places them over all of {@code servers}. */
  static RoutingTable allHealthy(
      List<Node> servers, Function<List<Node>, NodeLocator> locatorFactory, FailureMode mode) {
    Map<Node, ServerHealth> health = new HashMap<>();
    servers.forEach(node -> health.put(node, ServerHealth.HEALTHY));
    return new RoutingTable(servers, locatorFactory, mode, Map.copyOf(health), locator(locatorFactory, servers));
  }

  /**
   * The server {@code key} goes to: with {@link FailureMode#REDISTRIBUTE} one that is not dead, unless
   * all are; with {@link FailureMode#FAIL} its usual owner, dead or not (see {@link #refuses}).
   */
  Node locate(byte[] key) {
    return locator.locate(key);
  }

  /** Whether commands for the keys of {@code owner} fail at once: it is dead, in {@link FailureMode#FAIL}. */
  boolean refuses(Node owner) {
    return mode == FailureMode.FAIL && isDead(owner);
  }

  boolean isDead(Node node) {
    return health(node) instanceof Dead;
  }

  ServerHealth health(Node node) {
    return health.get(node);
  }

  /** The servers, in configuration order. */
  List<Node> servers() {
    return servers;
  }

  boolean anyDead() {
    return anyDead;
  }

  /** Whether a dead server's time is up at {@code nowNanos}. */
  boolean reviewDue(long nowNanos) {
    return anyDead && nowNanos - reviewAtNanos >= 0;
  }

  /** This table with {@code node}'s health changed to {@code next}. */
  RoutingTable with(Node node, ServerHealth next) {
    Map<Node, ServerHealth> changed = new HashMap<>(health);
    changed.put(node, next);
    boolean ringChanged = mode == FailureMode.REDISTRIBUTE && isDead(node) != next instanceof Dead;
    NodeLocator nextLocator = ringChanged ? locator(locatorFactory, ring(changed)) : locator;
    return new RoutingTable(servers, locatorFactory, mode, Map.copyOf(changed), nextLocator);
  }

  /** The servers keys are spread over when redistributing: those not dead, or all when every one is. */
  private List<Node> ring(Map<Node, ServerHealth> healthByNode) {
    List<Node> live = servers.stream().filter(node -> !(healthByNode.get(node) instanceof Dead)).toList();
    return live.isEmpty() ? servers : live;
  }

  /** With one server every locator gives the same answer: skip the hashing, as libmemcached does. */
  private static NodeLocator locator(Function<List<Node>, NodeLocator> locatorFactory, List<Node> ring) {
    if (ring.size() == 1) {
      Node onlyServer = ring.get(0);
      return key -> onlyServer;
    }
    return locatorFactory.apply(ring);
  }
}
