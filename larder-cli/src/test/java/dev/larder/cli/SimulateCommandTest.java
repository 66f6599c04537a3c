package dev.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.bench.simulator.RequestStream;
import dev.larder.bench.simulator.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
  private static SimulateCommand parse(String... args) {
    CommandLine.ParseResult parsed = Larder.commandLine().parseArgs(args);
    return parsed.subcommand().commandSpec().commandLine().getCommand();
  }

  @Test
  void defaultsAreBenchmarksW4AndW6WithTheBundledTrace() throws IOException {
    SimulateCommand command = parse("simulate");
    assertThat(command.megabytes).containsExactly(64L);
    List<RequestStream> streams = command.streams();
    assertThat(streams).extracting(RequestStream::name).containsExactly(
        "zipf 0.6", "zipf 0.8", "zipf 0.99", "zipf 1.2", "zipf 0.99 + 25% scans", "web12");
    RequestStream w4 = streams.get(2);
    assertThat(w4.keys()).hasSize(2_000_000);
    assertThat(w4.warmUp()).isEqualTo(0.2);
    assertThat(w4.valueSizes().min()).isEqualTo(50);
    assertThat(w4.valueSizes().max()).isEqualTo(500);
    assertThat(streams.get(5).valueSizes().max()).isEqualTo(4000);
  }

  @Test
  void printsOneRowPerStreamAndLimit() {
    StringWriter out = new StringWriter();
    CommandLine cmd = Larder.commandLine();
    cmd.setOut(new PrintWriter(out));
    int status = cmd.execute("simulate", "-m", "1,2", "--keys", "1000", "--requests", "5000",
        "--alphas", "0.99", "--scans", "0");
    assertThat(status).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo(SimulationResult.HEADER);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1)).startsWith("zipf 0.99").contains("      1.0 ");
    assertThat(lines.get(2)).startsWith("zipf 0.99").contains("      2.0 ");
    assertThat(lines.get(3)).startsWith("web12");
  }

  @Test
  void badSharesAndSizesAreParameterErrors() {
    assertThatThrownBy(() -> parse("simulate", "--scans", "1").streams())
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("--scans: 1.0 (expected: 0 < share < 1)");
    assertThatThrownBy(() -> parse("simulate", "--value-size", "9-1").streams())
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageStartingWith("--value-size: 9-1");
    assertThatThrownBy(() -> parse("simulate", "--trace-value-size", "x").streams())
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageStartingWith("--trace-value-size: 'x'");
    assertThatThrownBy(() -> parse("simulate", "--warmup", "1").streams())
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("--warmup: 1.0 (expected: 0 <= warmup < 1)");
  }
}
