package dev.larder.client.transcoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BytesTranscoderTest {
  private final BytesTranscoder transcoder = BytesTranscoder.INSTANCE;

  @Test
  void storesBytesAsTheyAreWithFlagsZero() {
    CachedData data = transcoder.encode(new byte[] {0, 1, (byte) 0xff});

    assertThat(data.flags()).isZero();
    assertThat(data.bytes()).containsExactly(0, 1, 0xff);
  }

  @Test
  void refusesOtherFlags() {
    assertThatThrownBy(() -> transcoder.decode(new CachedData(Flags.TEXT, new byte[0])))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 16 (expected: 0, bytes)");
  }

  @Property
  void roundTrips(@ForAll byte[] value) {
    assertThat(transcoder.decode(transcoder.encode(value))).isEqualTo(value);
  }
}
