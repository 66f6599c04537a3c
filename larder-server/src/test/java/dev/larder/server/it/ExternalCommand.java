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
 * Runs a command (memccapable, a Python script, the {@code larder} jar) to completion within a time
 * limit and keeps what it printed. The program must be installed: a missing one fails the test.
 */
public final class ExternalCommand {
  private ExternalCommand() {}

  /** How a command ended: its exit code and what it printed on each stream. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Both streams, stdout first, for assertions and messages. */
    public String output() {
      return stdout + stderr;
    }
  }

  /** Runs {@code command}; kills it and fails if it has not exited within {@code limit}. */
  public static Result run(Duration limit, List<String> command) throws IOException, InterruptedException {
    assertThat(Path.of(command.get(0)))
        .as("%s is required (see DESIGN.md, Tests: installed by .ci/run)", command.get(0))
        .isExecutable();
    Path stdout = Files.createTempFile("larder-it-", ".out");
    Path stderr = Files.createTempFile("larder-it-", ".err");
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      Result result = new Result(exited ? process.exitValue() : -1,
          Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
      assertThat(exited).as("%s still running after %s; it printed:%n%s", command, limit, result.output()).isTrue();
      return result;
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
