package dev.larder.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.it.ServerKind.CacheServer;
import dev.larder.client.transcoder.SerdeTranscoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A String and an int set from Java with {@link SerdeTranscoder} are read by pymemcache as {@code
 * str} and {@code int}, and the reverse, through a real server: {@code
 * src/test/python/interop_check.py} run by the system {@code /usr/bin/python3} with Debian's
 * python3-pymemcache. Without them the test fails: it does not skip.
 */
class PythonInteropIT {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/interop_check.py");

  @RegisterExtension
  final TestResources resources = new TestResources();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void javaAndPythonReadEachOthersStringsAndInts(ServerKind kind) throws Exception {
    assertThat(PYTHON).as("the system Python with Debian's python3-pymemcache").isExecutable();
    assertThat(SCRIPT).as("run from the larder-client module directory").isRegularFile();
    CacheServer server = resources.start(kind);
    BlockingLarderClient<Object> cache =
        resources.client(new SerdeTranscoder(), UnaryOperator.identity(), List.of(server)).sync();
    String address = "127.0.0.1:" + server.port();

    cache.set("java:str", "text from Java \u00e9", 0);
    cache.set("java:int", 1234567, 0);
    assertThat(python(address, "read")).contains("java:str: 'text from Java \u00e9' (str)", "java:int: 1234567 (int)");

    python(address, "write");
    assertThat(cache.get("py:str")).isEqualTo("text from Python \u00fc");
    assertThat(cache.get("py:int")).isEqualTo(7654321);
  }

  /** Runs the script and returns its output; fails if it exits with an error. */
  private static String python(String address, String mode) throws IOException, InterruptedException {
    ProcessBuilder command = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), address, mode)
        .redirectErrorStream(true);
    command.environment().put("PYTHONIOENCODING", "utf-8");
    Process process = command.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("interop_check.py " + mode + " finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("interop_check.py %s exit status; it printed:%n%s", mode, output).isZero();
    return output;
  }
}
