package dev.larder.client;

import dev.larder.client.it.Utf8Transcoder;
import dev.larder.client.routing.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link ScriptedServer}s and clients of them for one test, all closed after it, clients first:
 * {@code @RegisterExtension final ScriptedServers wire = new ScriptedServers();}
 */
final class ScriptedServers implements AfterEachCallback {
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** A server that answers each line it reads with {@code script}'s reply. */
  ScriptedServer server(Function<String, String> script) throws Exception {
    ScriptedServer server = new ScriptedServer(script);
    toClose.add(server);
    return server;
  }

  /** A client of {@code servers} with one connection to each, set up further by {@code settings}. */
  LarderClient<String> client(List<ScriptedServer> servers, UnaryOperator<LarderClientBuilder> settings) {
    List<Node> nodes = servers.stream().map(ScriptedServer::node).toList();
    LarderClient<String> client = settings.apply(LarderClient.builder().servers(nodes).connectionsPerServer(1))
        .build(new Utf8Transcoder());
    toClose.add(0, client);
    return client;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
    toClose.clear();
  }
}
