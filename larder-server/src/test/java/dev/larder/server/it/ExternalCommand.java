package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer tool (memccapable, a Python script) to completion within a time limit and keeps what
 * it printed, stdout and stderr together. The tool must be installed: a missing one fails the test.
 */
public final class ExternalCommand {
  private ExternalCommand() {}

  /** How a tool ended: its exit code and everything it printed. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code command}; kills it and fails if it has not exited within {@code limit}. */
  public static Result run(Duration limit, List<String> command) throws IOException, InterruptedException {
    assertThat(Path.of(command.get(0)))
        .as("%s is required (see DESIGN.md, Tests: installed by .ci/run)", command.get(0))
        .isExecutable();
    Path output = Files.createTempFile("larder-it-", ".out");
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
      boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(exited).as("%s still running after %s; it printed:%n%s", command, limit, printed).isTrue();
      return new Result(process.exitValue(), printed);
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
