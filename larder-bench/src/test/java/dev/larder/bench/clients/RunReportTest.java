package dev.larder.bench.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {
  @Test
  void addsUpEveryCaller() {
    CallerStats first = new CallerStats();
    first.hit(1_000);
    first.miss(2_000);
    first.stored(3_000);
    CallerStats second = new CallerStats();
    second.hit(4_000);
    second.failed(false, 5_000, new IOException("first"));
    second.failed(true, 6_000, new IOException("second"));

    RunReport report = RunReport.of("larder", 2, 0.5, 0.003, List.of(first, second));

    assertThat(report.gets()).isEqualTo(4);
    assertThat(report.sets()).isEqualTo(2);
    assertThat(report.hits()).isEqualTo(2);
    assertThat(report.misses()).isEqualTo(1);
    assertThat(report.errors()).isEqualTo(2);
    assertThat(report.firstError()).isEqualTo("java.io.IOException: first");
    assertThat(report.ops()).isEqualTo(6);
    assertThat(report.opsPerSecond()).as("successful calls only").isEqualTo(8.0);
    assertThat(report.cpuMicrosPerOp()).isCloseTo(500.0, offset(0.01));
    assertThat(report.latency().count()).isEqualTo(6);
    assertThat(report.latency().p50()).isCloseTo(3.0, offset(0.01));
    assertThat(report.latency().max()).isCloseTo(6.0, offset(0.01));
  }

  @Test
  void noCallersIsAnEmptyReport() {
    RunReport report = RunReport.of("folsom", 1, 0, 0, List.of());
    assertThat(report.ops()).isZero();
    assertThat(report.opsPerSecond()).isZero();
    assertThat(report.cpuMicrosPerOp()).isZero();
    assertThat(report.firstError()).isEmpty();
  }

  @Test
  void jsonIsOneLineWithEscapedText() {
    CallerStats caller = new CallerStats();
    caller.failed(false, 1_000, new IOException("said \"no\"\nthen left"));
    String json = RunReport.of("xmemcached", 16, 1, 0, List.of(caller)).toJson();
    assertThat(json).startsWith("{\"client\":\"xmemcached\",\"threads\":16,\"seconds\":1.000,\"ops\":1,"
            + "\"ops_per_second\":0.0,\"cpu_us_per_op\":0.00,")
        .contains("\"first_error\":\"java.io.IOException: said \\\"no\\\"\\u000athen left\"")
        .contains("\"latency_us\":{\"p50\":1.0,")
        .endsWith("}}\n");
    assertThat(json.strip()).doesNotContain("\n");
  }
}
