package dev.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({"1024,1024", "1k,1024", "2K,2048", "1m,1048576", "1g,1073741824", " 5m ,5242880"})
  void readsMemcachedSizes(String text, int bytes) {
    assertThat(new ByteSize().convert(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "m", "-1", "0", "1.5m", "3g", "ten"})
  void refusesWhatIsNotAPositiveSize(String text) {
    assertThatThrownBy(() -> new ByteSize().convert(text))
        .isInstanceOf(CommandLine.TypeConversionException.class);
  }
}
