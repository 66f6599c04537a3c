package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libmemcached's conformance checker, {@code memccapable} (Debian {@code libmemcached-tools}), runs
 * its text and binary protocol tests against Larder. Against memcached 1.6.18 it prints one
 * {@code ascii <test>  [pass]} or {@code binary <test>  [pass]} line per test (54 in all) and
 * {@code All tests passed}.
 */
class MemcapableIT {
  private static final String MEMCCAPABLE = "/usr/bin/memccapable";
  private static final List<String> ASCII_TESTS = List.of(
      "version", "quit", "verbosity", "set", "set noreply", "get", "gets", "mget", "flush", "flush noreply",
      "add", "add noreply", "replace", "replace noreply", "cas", "cas noreply", "delete", "delete noreply",
      "incr", "incr noreply", "decr", "decr noreply", "append", "append noreply", "prepend",
      "prepend noreply", "stat");
  private static final List<String> BINARY_TESTS = List.of(
      "noop", "quit", "quitq", "set", "setq", "flush", "flushq", "add", "addq", "replace", "replaceq", "delete",
      "deleteq", "get", "getq", "getk", "getkq", "incr", "incrq", "decr", "decrq", "version", "append", "appendq",
      "prepend", "prependq", "stat");

  @Test
  void passesEveryAsciiAndBinaryTest() throws Exception {
    LarderServer larder = LarderServer.start(ServerConfig.defaults().withPort(0));
    ExternalCommand.Result result;
    try {
      result = ExternalCommand.run(Duration.ofSeconds(60), List.of(
          MEMCCAPABLE, "-h", "127.0.0.1", "-p", Integer.toString(larder.port()), "-t", "5"));
    } finally {
      larder.close();
    }

    assertThat(result.output()).doesNotContain("[FAIL]").contains("All tests passed");
    for (String test : ASCII_TESTS) {
      assertThat(result.output()).containsPattern("(?m)^ascii " + test + " +\\[pass\\]$");
    }
    for (String test : BINARY_TESTS) {
      assertThat(result.output()).containsPattern("(?m)^binary " + test + " +\\[pass\\]$");
    }
    assertThat(result.exitCode()).as("exit code; output:%n%s", result.output()).isZero();
  }
}
