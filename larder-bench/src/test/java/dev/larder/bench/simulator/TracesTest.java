package dev.larder.bench.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.bench.ValueSizes;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class TracesTest {
  private static final ValueSizes SIZES = new ValueSizes(500, 4000);

  @Test
  void readsBigEndianKeysUntilTheEndAndNamesTracesByFile(@TempDir Path dir) throws IOException {
    int[] keys = new int[100_000]; // past the reader's first buffer
    Arrays.setAll(keys, i -> i % 3 == 0 ? -i : i);
    write(dir.resolve("b.trace.xz"), keys);
    write(dir.resolve("a.trace.xz"), new int[] {7});
    Files.writeString(dir.resolve("README.md"), "not a trace");

    List<RequestStream> traces = Traces.readAll(dir, SIZES);

    assertThat(traces).extracting(RequestStream::name).containsExactly("a", "b");
    assertThat(traces.get(0).keys()).containsExactly(7);
    assertThat(traces.get(1).keys()).isEqualTo(keys);
    assertThat(traces.get(1).warmUp()).isZero();
    assertThat(traces.get(1).valueSizes()).isEqualTo(SIZES);
  }

  @Test
  void theBundledTraceIsWeb12() {
    RequestStream web12 = Traces.bundled(SIZES);
    assertThat(web12.name()).isEqualTo("web12");
    assertThat(web12.keys()).hasSize(95_607);
    assertThat(Arrays.stream(web12.keys()).distinct().count()).isEqualTo(13_756);
  }

  private static void write(Path file, int[] keys) throws IOException {
    try (OutputStream out = new XZOutputStream(Files.newOutputStream(file), new LZMA2Options());
        DataOutputStream data = new DataOutputStream(out)) {
      for (int key : keys) {
        data.writeInt(key);
      }
    }
  }
}
