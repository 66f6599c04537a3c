package dev.larder.client.transcoder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CompressingTranscoderTest {
  private final CompressingTranscoder<Object> compressing =
      new CompressingTranscoder<>(new SerdeTranscoder());

  @Test
  void leavesValuesUpToTheThresholdAlone() {
    CachedData data = compressing.encode("a".repeat(400));

    assertThat(data.flags()).isEqualTo(16);
    assertThat(data.bytes()).hasSize(400);
  }

  @Test
  void compressesLongerValuesAndAddsTheCompressedFlagToTheTypeFlag() {
    CachedData data = compressing.encode("a".repeat(401));

    assertThat(data.flags()).isEqualTo(16 | 8);
    assertThat(data.bytes()).hasSizeLessThan(401);
    assertThat(compressing.decode(data)).isEqualTo("a".repeat(401));
  }

  @Test
  void keepsTheOriginalWhenCompressionWouldGrowIt() {
    byte[] random = new byte[1000];
    new Random(1).nextBytes(random);

    CachedData data = compressing.encode(random);

    assertThat(data.flags()).isZero();
    assertThat(data.bytes()).isEqualTo(random);
  }

  @Test
  void readsWhatPythonZlibCompressed() {
    // zlib.compress(b'a' * 10).hex() with Python 3.11, zlib 1.2.13
    byte[] pythonCompressed = HexFormat.of().parseHex("789c4b4c84010014e103cb");
    CachedData data = new CachedData(Flags.BYTES | Flags.COMPRESSED, pythonCompressed);

    assertThat(compressing.decode(data)).isEqualTo("aaaaaaaaaa".getBytes(UTF_8));
  }

  @Test
  void passesUncompressedValuesStraightThrough() {
    assertThat(compressing.decode(new CachedData(Flags.TEXT, "hi".getBytes(UTF_8)))).isEqualTo("hi");
  }

  @Test
  void refusesToInflatePastTheLimit() {
    CompressingTranscoder<Object> capped = new CompressingTranscoder<>(new SerdeTranscoder(), 400, 1000);
    CachedData bomb = compressing.encode(new byte[1001]);

    assertThatThrownBy(() -> capped.decode(bomb))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("decompressed length: more than 1000 bytes"
            + " (expected: <= 1000, the maxDecompressedLength)");
    assertThat(capped.decode(compressing.encode(new byte[1000]))).isEqualTo(new byte[1000]);
  }

  @Test
  void refusesTruncatedOrForeignData() {
    CachedData whole = compressing.encode("b".repeat(1000));
    byte[] truncated = java.util.Arrays.copyOf(whole.bytes(), whole.bytes().length - 4);

    assertThatThrownBy(() -> compressing.decode(new CachedData(whole.flags(), truncated)))
        .isInstanceOf(TranscodingException.class)
        .hasMessageStartingWith("compressed value is truncated");
    assertThatThrownBy(() -> compressing.decode(new CachedData(24, "not zlib".getBytes(UTF_8))))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("compressed value is not in zlib format");
  }

  @Test
  void refusesADelegateThatSetsTheCompressedBit() {
    Transcoder<String> odd = new Transcoder<>() {
      @Override
      public CachedData encode(String value) {
        return new CachedData(Flags.COMPRESSED, value.getBytes(UTF_8));
      }

      @Override
      public String decode(CachedData data) {
        return new String(data.bytes(), UTF_8);
      }
    };

    assertThatThrownBy(() -> new CompressingTranscoder<>(odd).encode("x"))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 8 from the wrapped transcoder (expected: without the compressed bit 8)");
  }

  @Test
  void validatesItsLimits() {
    assertThatThrownBy(() -> new CompressingTranscoder<>(StringTranscoder.INSTANCE, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minCompressLength: 0 (expected: >= 1; to never compress, do not wrap the transcoder)");
    assertThatThrownBy(() -> new CompressingTranscoder<>(StringTranscoder.INSTANCE, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDecompressedLength: -1 (expected: >= 0)");
  }

  @Property
  void roundTripsAnyBytesAtAnyThreshold(
      @ForAll byte[] value, @ForAll @IntRange(min = 1, max = 64) int threshold) {
    CompressingTranscoder<byte[]> transcoder =
        new CompressingTranscoder<>(BytesTranscoder.INSTANCE, threshold, 1 << 20);
    CachedData data = transcoder.encode(value);

    assertThat(data.bytes().length).isLessThanOrEqualTo(value.length);
    assertThat(transcoder.decode(data)).isEqualTo(value);
  }

  @Property
  void roundTripsRepetitiveText(@ForAll @IntRange(min = 0, max = 5000) int repeats) {
    String value = "larder ".repeat(repeats);

    assertThat(compressing.decode(compressing.encode(value))).isEqualTo(value);
  }
}
