package dev.larder.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.it.ExternalCommand;
import org.junit.jupiter.api.Test;

/** {@code larder get|set|delete|stats|flush} against two real servers, as a user runs them. */
class ItemCommandsIT {
  /** The exit status of a miss or a refused store ({@code ItemCommands.MISS}). */
  private static final int MISS = 3;

  @Test
  void everydayCommandsWorkAcrossAClusterWithTheirExitCodes() throws Exception {
    try (LarderLauncher.Server a = LarderLauncher.serve();
        LarderLauncher.Server b = LarderLauncher.serve()) {
      String servers = "127.0.0.1:" + a.port() + ",127.0.0.1:" + b.port();

      assertThat(run(0, "set", "-s", servers, "--flags", "16", "greeting", "hello world").stdout())
          .isEqualTo("STORED\n");
      run(0, "set", "-s", servers, "other", "x");
      assertThat(run(0, "get", "-s", servers, "greeting").stdout()).isEqualTo("hello world\n");
      assertThat(run(0, "get", "-s", servers, "--flags", "greeting").stdout())
          .isEqualTo("16 hello world\n");
      assertThat(run(MISS, "get", "-s", servers, "greeting", "absent").output())
          .contains("hello world\n", "absent: not found");

      String stats = run(0, "stats", "-s", servers).output();
      assertThat(stats).contains("127.0.0.1:" + a.port() + " curr_items ")
          .contains("127.0.0.1:" + b.port() + " curr_items ");

      assertThat(run(MISS, "delete", "-s", servers, "greeting", "absent").output())
          .contains("greeting deleted", "absent not found");
      assertThat(run(0, "flush", "-s", servers).stdout()).isEqualTo("OK\n");
      run(MISS, "get", "-s", servers, "other");
    }
  }

  @Test
  void anUnreachableServerIsAOneLineErrorAndExitCodeOne() throws Exception {
    ExternalCommand.Result result = run(1, "get", "-s", "127.0.0.1:" + LarderLauncher.freePort(),
        "--timeout", "500ms", "k");
    assertThat(result.stderr().strip().lines()).singleElement().asString().startsWith("larder get: ");
  }

  private static ExternalCommand.Result run(int expectedExit, String... args) throws Exception {
    ExternalCommand.Result result = LarderLauncher.run(args);
    assertThat(result.exitCode()).as("exit code of larder %s; output:%n%s",
        String.join(" ", args), result.output()).isEqualTo(expectedExit);
    return result;
  }
}
