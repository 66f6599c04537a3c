package dev.larder.client.it;

import dev.larder.client.LarderClient;
import dev.larder.client.LarderClientBuilder;
import dev.larder.client.it.ServerKind.CacheServer;
import dev.larder.client.routing.Node;
import dev.larder.client.transcoder.Transcoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers and clients a test starts, all closed, newest first, after each test: register it with
 * {@code @RegisterExtension}.
 */
final class TestResources implements AfterEachCallback {
  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  /** A server of {@code kind} on a free port. */
  CacheServer start(ServerKind kind) throws Exception {
    return closeLater(kind.start());
  }

  /** A client over {@code servers}, with the builder's defaults changed by {@code settings}. */
  <V> LarderClient<V> client(
      Transcoder<V> transcoder, UnaryOperator<LarderClientBuilder> settings, List<CacheServer> servers) {
    List<Node> nodes = servers.stream().map(server -> Node.of("127.0.0.1", server.port())).toList();
    return closeLater(settings.apply(LarderClient.builder().servers(nodes)).build(transcoder));
  }

  /** A client over {@code server} with the builder's defaults. */
  LarderClient<String> client(CacheServer server) {
    return client(new Utf8Transcoder(), UnaryOperator.identity(), List.of(server));
  }

  /** Closes {@code resource} with the others. */
  <T extends AutoCloseable> T closeLater(T resource) {
    toClose.push(resource);
    return resource;
  }

  /** Closes everything started or given to {@link #closeLater}, newest first. */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    while (!toClose.isEmpty()) {
      toClose.pop().close();
    }
  }
}
