package dev.larder.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.it.ExternalCommand;
import dev.larder.server.it.TextConnection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code larder serve} as a user runs it ({@code ./larder serve ...}): its flags, its log
 * line, clean shutdown, and the limits set on the command line.
 *
 * <p>Clean shutdown means exit code 0 on SIGTERM and SIGINT. A JVM killed by a signal exits with
 * 128 + signal (143, 130) unless the CLI's shutdown hook ends it with status 0 once the server has
 * stopped, so these tests require that hook.
 */
class ServeCommandIT {
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** Every flag of the user-facing contract (DESIGN.md), short and long forms. */
  private static final List<String> FLAGS = List.of(
      "-p", "--port", "-l", "--listen", "-m", "--memory-limit", "-c", "--conn-limit", "-t", "--threads",
      "-I", "--max-item-size", "-U", "--udp-port", "-v", "-A", "--enable-shutdown", "-M",
      "--disable-evictions", "-o", "--help");

  @Test
  void helpListsEveryFlag() throws Exception {
    ExternalCommand.Result help = LarderLauncher.run("serve", "--help");

    assertThat(help.exitCode()).as("exit code; printed:%n%s", help.output()).isZero();
    for (String flag : FLAGS) {
      assertThat(help.stdout()).as("help lists %s", flag).containsPattern("(?<![\\w-])" + flag + "\\b");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-p notanumber", "--bogus", "-m lots", "-I 1x"})
  void badFlagFailsWithOneLineOnStderr(String flags) throws Exception {
    String[] args = ("serve " + flags).split(" ");

    ExternalCommand.Result result = LarderLauncher.run(args);

    assertThat(result.exitCode()).as("exit code; printed:%n%s", result.output()).isNotZero();
    assertThat(result.stderr().strip()).as("stderr").isNotEmpty().doesNotContain("\n");
  }

  @Test
  void servesAndExitsWithZeroOnSigterm() throws Exception {
    try (LarderLauncher.Server server = LarderLauncher.serve()) {
      try (TextConnection connection = TextConnection.open(server.port())) {
        assertThat(connection.command("version")).startsWith("VERSION 1.6.18+larder.");
      }

      assertThat(server.terminate()).as("exit code on SIGTERM; log:%n%s", server.log()).isZero();
    }
  }

  @Test
  void exitsWithZeroOnSigint() throws Exception {
    try (LarderLauncher.Server server = LarderLauncher.serve()) {
      try (TextConnection connection = TextConnection.open(server.port())) {
        assertThat(connection.command("version")).startsWith("VERSION ");
      }

      assertThat(server.interrupt()).as("exit code on SIGINT; log:%n%s", server.log()).isZero();
    }
  }

  @Test
  void connectionPastTheLimitIsRefusedAndCounted() throws Exception {
    try (LarderLauncher.Server server = LarderLauncher.serve("-c", "2");
        TextConnection first = TextConnection.open(server.port());
        TextConnection second = TextConnection.open(server.port())) {
      assertThat(first.command("version")).startsWith("VERSION ");
      assertThat(second.command("version")).startsWith("VERSION ");

      try (TextConnection third = TextConnection.open(server.port())) {
        assertThat(third.readLine()).isEqualTo("ERROR Too many open connections");
        assertThat(third.awaitClosed(CLOSE_WAIT)).as("third connection closed").isTrue();
      }
      assertThat(first.stats("")).containsEntry("rejected_connections", "1");
    }
  }

  @Test
  void idleConnectionIsClosed() throws Exception {
    try (LarderLauncher.Server server = LarderLauncher.serve("-o", "idle_timeout=1");
        TextConnection connection = TextConnection.open(server.port())) {
      assertThat(connection.command("version")).startsWith("VERSION ");

      assertThat(connection.awaitClosed(CLOSE_WAIT)).as("idle connection closed within %s", CLOSE_WAIT).isTrue();
    }
  }

  @Test
  void shutdownCommandStopsServerWhenEnabled() throws Exception {
    try (LarderLauncher.Server server = LarderLauncher.serve("-A");
        TextConnection connection = TextConnection.open(server.port())) {
      connection.write("shutdown\r\n");

      assertThat(connection.awaitClosed(CLOSE_WAIT)).as("connection closed by shutdown").isTrue();
      assertThat(server.awaitExit()).as("exit code after shutdown; log:%n%s", server.log()).isZero();
    }
  }
}
