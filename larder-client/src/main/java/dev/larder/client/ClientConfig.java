package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.client.routing.NodeLocator;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** What {@link LarderClientBuilder} collected, already checked. */
record ClientConfig(
    List<Node> servers,
    Function<List<Node>, NodeLocator> locator,
    Duration connectTimeout,
    Duration operationTimeout,
    int connectionsPerServer,
    int ioThreads, // 0: one per connection, at most one per CPU
    int maxOutstandingPerServer,
    boolean noreply,
    String keyPrefix,
    ReconnectBackoff reconnectBackoff,
    int maxValueBytes,
    DeadServerPolicy deadServerPolicy,
    FailureMode failureMode,
    ClientProtocol protocol) {}
