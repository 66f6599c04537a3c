package dev.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.bench.BenchConfig;
import dev.larder.bench.KeyPattern;
import dev.larder.bench.Protocol;
import dev.larder.bench.Ratio;
import dev.larder.bench.ValueSizes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  private static BenchConfig parse(String... args) {
    CommandLine cmd = Larder.commandLine();
    CommandLine.ParseResult parsed = cmd.parseArgs(args);
    BenchCommand bench = parsed.subcommand().commandSpec().commandLine().getCommand();
    return bench.toConfig();
  }

  @Test
  void everyFlagReachesTheConfig() {
    BenchConfig config = parse("bench", "--servers", "127.0.0.1:11311,127.0.0.1", "--threads", "2",
        "--connections", "32", "--pipeline", "16", "--ratio", "1:1", "--keys", "5000",
        "--key-pattern", "zipf", "--zipf-alpha", "1.2", "--value-size", "50-500", "--requests", "1000",
        "--unmeasured-start", "2s", "--rate", "2500", "--protocol", "meta", "--multiget", "16",
        "--warmup", "--seed", "9");
    assertThat(config).isEqualTo(new BenchConfig(
        List.of(new InetSocketAddress("127.0.0.1", 11311), new InetSocketAddress("127.0.0.1", 11211)),
        2, 32, 16, new Ratio(1, 1), 5000, KeyPattern.ZIPF, 1.2, new ValueSizes(50, 500),
        Duration.ofSeconds(10), Duration.ofSeconds(2), 1000, 2500, Protocol.META, 16, true, 9));
    assertThat(config.totalConnections()).isEqualTo(64);
  }

  @Test
  void defaultsAreTheMixedWorkloadForTenSeconds() {
    BenchConfig config = parse("bench", "-s", "localhost:1");
    assertThat(config.ratio()).isEqualTo(new Ratio(9, 1));
    assertThat(config.valueSizes()).isEqualTo(new ValueSizes(100, 100));
    assertThat(config.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.unmeasuredStart()).isZero();
    assertThat(config.requests()).isZero();
    assertThat(config.rate()).isZero();
    assertThat(config.protocol()).isEqualTo(Protocol.TEXT);
    assertThat(config.prefill()).isFalse();
  }

  @Test
  void theProtocolIsNamedInAnyCase() {
    assertThat(parse("bench", "-s", "localhost:1", "--protocol", "binary").protocol()).isEqualTo(Protocol.BINARY);
    assertThat(parse("bench", "-s", "localhost:1", "--protocol", "META").protocol()).isEqualTo(Protocol.META);
  }

  @Test
  void badFlagsAreOneLineUsageErrors() {
    assertThat(error("bench", "-s", "127.0.0.1", "--ratio", "9"))
        .contains("--ratio: '9' (expected: GETS:SETS, e.g. 9:1)");
    assertThat(error("bench", "-s", "127.0.0.1", "--value-size", "5-1"))
        .contains("--value-size: 5-1 (expected: 0 <= MIN <= MAX <= 1048576)");
    assertThat(error("bench", "-s", "a:b")).contains("--servers: server: 'a:b'");
    assertThat(error("bench", "-s", "127.0.0.1", "--duration", "1s", "--requests", "5"))
        .contains("mutually exclusive");
    assertThat(error("bench", "-s", "127.0.0.1", "--multiget", "0"))
        .contains("--multiget: 0 (expected: 1..1000)");
    assertThat(error("bench", "-s", "127.0.0.1", "--rate", "0.5"))
        .contains("--rate: 0.5 (expected: 0 (as fast as replies come) or >= 1)");
  }

  private static String error(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = Larder.commandLine();
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute(args)).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString().lines()).hasSize(1);
    return err.toString();
  }
}
