package dev.larder.client.it;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import dev.larder.server.it.MemcachedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The servers the suite runs against: a real memcached 1.6, and Larder's own server in process. */
enum ServerKind {
  MEMCACHED {
    @Override
    CacheServer startOn(int port) throws IOException, InterruptedException {
      MemcachedProcess process = port == 0 ? MemcachedProcess.start() : MemcachedProcess.startOnPort(port);
      return new CacheServer() {
        private boolean closed;

        @Override
        public int port() {
          return process.port();
        }

        @Override
        public void close() {
          if (!closed) {
            closed = true;
            kill(process);
          }
        }
      };
    }
  },

  LARDER {
    @Override
    CacheServer startOn(int port) throws InterruptedException {
      LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(port));
      return new CacheServer() {
        @Override
        public int port() {
          return server.port();
        }

        @Override
        public void close() {
          server.close();
        }
      };
    }
  };

  /** A server of this kind on {@code port}, or on a free port when it is 0. */
  abstract CacheServer startOn(int port) throws IOException, InterruptedException;

  CacheServer start() throws IOException, InterruptedException {
    return startOn(0);
  }

  /** SIGKILL, then waits for the process to exit. */
  static void kill(MemcachedProcess process) {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    process.close();
  }

  /**
   * Sends {@code signal} (STOP, CONT) to process {@code pid} with {@code kill}; after STOP, waits until
   * every thread of the process is stopped, since the signal is delivered after {@code kill} returns.
   */
  static void signal(long pid, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -" + signal + " " + pid + " failed");
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (signal.equals("STOP") && !allThreadsStopped(pid)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("process " + pid + " did not stop");
      }
      Thread.sleep(1);
    }
  }

  /** Whether every thread of {@code pid} is in state T (stopped), as /proc/PID/task/TID/stat says. */
  private static boolean allThreadsStopped(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat = Files.readString(task.resolve("stat"));
        // The state follows the command name, which is in parentheses and may hold spaces.
        if (stat.charAt(stat.lastIndexOf(')') + 2) != 'T') {
          return false;
        }
      }
    }
    return true;
  }

  /** One running server. */
  interface CacheServer extends AutoCloseable {
    int port();

    /**
     * Takes the server down at once, dropping its connections as a crash would (memcached gets
     * SIGKILL: on SIGTERM it takes up to a second to notice).
     */
    @Override
    void close();
  }
}
