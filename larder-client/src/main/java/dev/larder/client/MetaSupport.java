package dev.larder.client;

import dev.larder.client.routing.Node;
import dev.larder.protocol.text.TextResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Whether each server speaks the meta protocol, asked once per server with {@code mn}: memcached 1.6
 * answers {@code MN}, servers without the meta commands answer {@code ERROR}. An answer is kept for the
 * client's lifetime; a probe that fails (server down, timeout) is forgotten, so the next caller asks
 * again.
 */
final class MetaSupport {
  private final Function<Node, CompletableFuture<Boolean>> probe;
  private final Map<Node, CompletableFuture<Boolean>> answers = new ConcurrentHashMap<>();

  /** @param probe sends {@code mn} to a server; completes with true on {@code MN} */
  MetaSupport(Function<Node, CompletableFuture<Boolean>> probe) {
    this.probe = probe;
  }

  /** Whether {@code node} speaks the meta protocol; fails as the probe failed. */
  CompletableFuture<Boolean> of(Node node) {
    CompletableFuture<Boolean> known = answers.get(node);
    if (known != null) {
      return known;
    }
    CompletableFuture<Boolean> asking = new CompletableFuture<>();
    known = answers.putIfAbsent(node, asking);
    if (known != null) {
      return known;
    }
    probe.apply(node).whenComplete((speaksMeta, failure) -> {
      if (failure == null) {
        asking.complete(speaksMeta);
      } else if (isUnknownCommand(failure)) {
        asking.complete(false);
      } else {
        answers.remove(node, asking);
        asking.completeExceptionally(failure);
      }
    });
    return asking;
  }

  private static boolean isUnknownCommand(Throwable failure) {
    return failure instanceof ServerErrorException error && error.kind() == TextResponse.ErrorKind.ERROR;
  }
}
