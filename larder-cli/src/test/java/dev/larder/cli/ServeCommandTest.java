package dev.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.server.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  private static ServerConfig parse(String... args) {
    CommandLine cmd = Larder.commandLine();
    CommandLine.ParseResult result = cmd.parseArgs(prepend("serve", args));
    ServeCommand serve = (ServeCommand) result.subcommand().commandSpec().userObject();
    return serve.toConfig();
  }

  private static String[] prepend(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void defaultsAreMemcachedsOnLoopback() {
    assertThat(parse()).isEqualTo(ServerConfig.defaults());
  }

  @Test
  void shortAndLongFormsSetEverySetting() {
    ServerConfig c = parse("-p", "1234", "-l", "0.0.0.0", "-m", "128", "-c", "10", "-t", "3",
        "-I", "2m", "-U", "0", "-vv", "-A", "-M", "-o", "idle_timeout=5,modern");
    assertThat(c).isEqualTo(new ServerConfig(1234, "0.0.0.0", 128 * ServerConfig.MEGABYTE, 10, 3,
        2 * 1024 * 1024, 0, 2, true, false, Duration.ofSeconds(5)));
    ServerConfig longForms = parse("--port=1234", "--listen=0.0.0.0", "--memory-limit=128",
        "--conn-limit=10", "--threads=3", "--max-item-size=2048k", "--udp-port=0", "-v", "-v",
        "--enable-shutdown", "--disable-evictions", "--extended=idle_timeout=5");
    assertThat(longForms).isEqualTo(c);
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    assertThatThrownBy(() -> parse("-p", "abc")).hasMessageContaining("--port");
    assertThatThrownBy(() -> parse("-p", "70000")).hasMessageContaining("port: 70000");
    assertThatThrownBy(() -> parse("-U", "11211")).hasMessageContaining("UDP is not supported");
    assertThatThrownBy(() -> parse("-m", "0")).hasMessageContaining("--memory-limit");
    assertThatThrownBy(() -> parse("-I", "1x")).hasMessageContaining("not a size");
    assertThatThrownBy(() -> parse("-I", "512")).hasMessageContaining("maxItemSize: 512");
    assertThatThrownBy(() -> parse("-o", "idle_timeout=-1")).hasMessageContaining("idle_timeout");
    assertThatThrownBy(() -> parse("-o", "bogus=1")).hasMessageContaining("unknown extended option");
  }

  @Test
  void aBadFlagIsOneLineOnStderrAndAUsageExitCode() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Larder.commandLine();
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute("serve", "--bogus");
    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("larder serve: Unknown option: '--bogus'");
  }
}
