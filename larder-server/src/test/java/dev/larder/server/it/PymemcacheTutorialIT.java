package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pymemcache (Debian {@code python3-pymemcache}, for the system {@code /usr/bin/python3}) runs the
 * flows of its tutorial against three in-process Larder servers: see
 * {@code src/test/python/tutorial_flows.py}, which also passes against memcached.
 */
class PymemcacheTutorialIT {
  private static final String PYTHON = "/usr/bin/python3";
  private static final Path SCRIPT = Path.of("src/test/python/tutorial_flows.py");
  private static final int SERVERS = 3;

  @Test
  void tutorialFlowsPass() throws Exception {
    assertThat(SCRIPT).as("run from the larder-server module directory").isRegularFile();
    List<LarderServer> servers = new ArrayList<>();
    ExternalCommand.Result result;
    try {
      List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString()));
      for (int i = 0; i < SERVERS; i++) {
        LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        servers.add(server);
        command.add(Integer.toString(server.port()));
      }
      result = ExternalCommand.run(Duration.ofSeconds(120), command);
    } finally {
      for (LarderServer server : servers) {
        server.close();
      }
    }

    System.out.print(result.output());
    assertThat(result.exitCode()).as("tutorial_flows.py exit code; it printed:%n%s", result.output()).isZero();
    assertThat(result.output()).containsPattern("(\\d+)/\\1 tutorial flows passed");
  }
}
