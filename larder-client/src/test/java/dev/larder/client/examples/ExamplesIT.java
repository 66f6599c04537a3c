package dev.larder.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs every example's {@code main} against in-process Larder servers, so that the examples keep working. */
class ExamplesIT {
  private static final List<LarderServer> servers = new ArrayList<>();

  @BeforeAll
  static void startServers() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      servers.add(LarderServer.start(ServerConfig.defaults().withPort(0)));
    }
  }

  @AfterAll
  static void stopServers() {
    servers.forEach(LarderServer::close);
  }

  @Test
  void basicSetGet() throws Exception {
    assertThat(output(() -> BasicSetGet.main(address(0))))
        .contains("sync get: hello, world", "async get: hello, world", "missing key: null");
  }

  @Test
  void expiringData() throws Exception {
    assertThat(output(() -> ExpiringData.main(address(0))))
        .contains("now:   session=user 42 token=abc", "later: session=null token=abc config=v1");
  }

  @Test
  void cacheAside() throws Exception {
    assertThat(output(() -> CacheAsideExample.main(address(0))))
        .contains("user:42 = {\"id\":42,\"name\":\"Ada\"}", "database queries: 1");
  }

  @Test
  void fallbackMigration() throws Exception {
    assertThat(output(() -> FallbackMigration.main(new String[] {address(1)[0], address(2)[0]})))
        .contains("read through: <h1>Home</h1>",
            "new cache now holds: {page:/about=<h1>About</h1>, page:/home=<h1>Home</h1>}",
            "old cache holds: {page:/home=<h1>Home</h1>}");
  }

  @Test
  void casCounter() throws Exception {
    assertThat(output(() -> CasCounter.main(address(0)))).contains("entries: 100");
  }

  @Test
  void counters() throws Exception {
    assertThat(output(() -> Counters.main(address(0))))
        .contains("after incr: 11", "decr by 100 stops at: 0", "incr of a missing key: null");
  }

  @Test
  void manyServers() throws Exception {
    String output = output(() -> ManyServers.main(
        servers.stream().map(server -> "127.0.0.1:" + server.port()).toArray(String[]::new)));
    assertThat(output).contains("read back: 30 of 30", "keys per server: {");
    servers.forEach(server -> assertThat(output).contains("127.0.0.1:" + server.port() + "="));
  }

  private static String[] address(int server) {
    return new String[] {"127.0.0.1:" + servers.get(server).port()};
  }

  /** What {@code example} prints to standard output. */
  private static synchronized String output(Example example) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      example.run();
    } finally {
      System.setOut(original);
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    original.print(output);
    return output;
  }

  /** An example's {@code main}. */
  private interface Example {
    void run() throws Exception;
  }
}
