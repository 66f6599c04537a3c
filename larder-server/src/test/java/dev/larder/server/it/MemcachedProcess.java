package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real memcached (Debian's {@code /usr/bin/memcached}) on a free loopback port, the reference that
 * Larder's replies are compared with. It fails, never skips, when memcached is not installed.
 */
public final class MemcachedProcess implements AutoCloseable {
  /** Where Debian's {@code memcached} package puts the server. */
  public static final Path BINARY = Path.of("/usr/bin/memcached");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;

  private final Process process;
  private final int port;

  private MemcachedProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts memcached with {@code -l 127.0.0.1 -U 0 -p PORT} and {@code extraArgs}, and returns once
   * it accepts connections. A port taken between choosing and binding it is retried on another.
   */
  public static MemcachedProcess start(String... extraArgs) throws IOException, InterruptedException {
    IOException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        return startOnPort(freePort(), extraArgs);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Starts memcached on {@code port} (for example to restart one on the port its clients use) and
   * returns once it accepts connections.
   */
  public static MemcachedProcess startOnPort(int port, String... extraArgs) throws IOException, InterruptedException {
    assertThat(BINARY)
        .as("memcached is required: apt-get install memcached")
        .isExecutable();
    Process process = new ProcessBuilder(command(port, extraArgs))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      awaitAccepting(process, port);
      return new MemcachedProcess(process, port);
    } catch (IOException e) {
      stop(process);
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Stops memcached (SIGTERM, then SIGKILL after five seconds) and waits for it to exit. */
  @Override
  public void close() {
    try {
      stop(process);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> command(int port, String... extraArgs) {
    List<String> command = new ArrayList<>(List.of(BINARY.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "nobody"));
    }
    command.addAll(List.of("-l", "127.0.0.1", "-U", "0", "-p", Integer.toString(port)));
    command.addAll(List.of(extraArgs));
    return command;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitAccepting(Process process, int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("memcached exited with " + process.exitValue() + " on port " + port);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IOException("memcached did not accept connections on port " + port + " within " + START_TIMEOUT);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
