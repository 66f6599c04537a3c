package dev.larder.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.it.ExternalCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ./larder} launcher at the repository root, run as users run it: one-shot commands, or a
 * {@code serve} process in the background. Its path comes from the system property
 * {@code larder.launcher}, which larder-cli's pom sets for failsafe; the jar it runs is the one
 * {@code package} just built.
 */
final class LarderLauncher {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private LarderLauncher() {}

  /** Runs {@code ./larder args...} to completion. */
  static ExternalCommand.Result run(String... args) throws IOException, InterruptedException {
    return ExternalCommand.run(Duration.ofSeconds(60), command(args));
  }

  /** A free loopback port to pass to {@code -p}. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts {@code serve -p PORT args...} on a free port and returns once it has logged
   * {@code listening on 127.0.0.1:PORT}.
   */
  static Server serve(String... args) throws IOException, InterruptedException {
    int port = freePort();
    List<String> serveArgs = new ArrayList<>(List.of("serve", "-p", Integer.toString(port)));
    serveArgs.addAll(List.of(args));
    Process process = new ProcessBuilder(command(serveArgs.toArray(String[]::new)))
        .redirectErrorStream(true)
        .start();
    Server server = new Server(process, port);
    server.awaitLog("listening on 127.0.0.1:" + port);
    return server;
  }

  private static List<String> command(String... args) {
    Path launcher = Path.of(System.getProperty("larder.launcher", "../larder"));
    assertThat(launcher).as("the ./larder launcher").isExecutable();
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** A running {@code larder serve}; closing it kills whatever is left of it. */
  static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;
    private final StringBuffer log = new StringBuffer();

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
      Thread reader = new Thread(this::readLog, "larder-serve-log-" + port);
      reader.setDaemon(true);
      reader.start();
    }

    int port() {
      return port;
    }

    long pid() {
      return process.pid();
    }

    /** Everything the server printed so far, stdout and stderr together. */
    String log() {
      return log.toString();
    }

    /** Sends SIGTERM ({@link Process#destroy}) and returns the exit code. */
    int terminate() throws InterruptedException {
      process.destroy();
      return awaitExit();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does, and returns the exit code. */
    int interrupt() throws IOException, InterruptedException {
      ExternalCommand.Result kill = ExternalCommand.run(Duration.ofSeconds(10),
          List.of("/bin/kill", "-s", "INT", Long.toString(process.pid())));
      assertThat(kill.exitCode()).as("kill -s INT: %s", kill.output()).isZero();
      return awaitExit();
    }

    /** Waits for the server to exit by itself and returns its exit code. */
    int awaitExit() throws InterruptedException {
      assertThat(process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
          .as("server still running %s later; it printed:%n%s", STOP_TIMEOUT, log())
          .isTrue();
      return process.exitValue();
    }

    /** Stops the server if it still runs: SIGTERM, then SIGKILL if it has not exited in 5 s. */
    @Override
    public void close() {
      try {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    private void awaitLog(String text) throws InterruptedException {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!log().contains(text)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          close();
          throw new AssertionError("no '" + text + "' in the log of larder serve (exit "
              + (process.isAlive() ? "none" : process.exitValue()) + "):\n" + log());
        }
        Thread.sleep(50);
      }
    }

    private void readLog() {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          log.append(line).append('\n');
        }
      } catch (IOException closed) {
        // the process ended; what it printed before is kept
      }
    }
  }
}
