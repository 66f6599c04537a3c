package dev.larder.client.transcoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StringTranscoderTest {
  private final StringTranscoder transcoder = StringTranscoder.INSTANCE;

  @Test
  void storesUtf8WithPymemcacheTextFlag() {
    CachedData data = transcoder.encode("h\u00e9 \u65e5 \ud83d\ude00");

    assertThat(data.flags()).isEqualTo(16);
    assertThat(data.bytes())
        .containsExactly(0x68, 0xc3, 0xa9, 0x20, 0xe6, 0x97, 0xa5, 0x20, 0xf0, 0x9f, 0x98, 0x80);
  }

  @Test
  void refusesUnpairedSurrogateLikePython() {
    assertThatThrownBy(() -> transcoder.encode("a\ud800b"))
        .isInstanceOf(TranscodingException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void refusesInvalidUtf8InsteadOfReplacingIt() {
    assertThatThrownBy(() -> transcoder.decode(new CachedData(Flags.TEXT, new byte[] {'a', (byte) 0xc3})))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("text value is not valid UTF-8");
  }

  @Test
  void refusesOtherFlags() {
    assertThatThrownBy(() -> transcoder.decode(new CachedData(Flags.BYTES, new byte[0])))
        .isInstanceOf(TranscodingException.class)
        .hasMessage("flags: 0 (expected: 16, text)");
  }

  @Property
  void roundTripsAnyValidUnicode(@ForAll("unicode") String value) {
    assertThat(transcoder.decode(transcoder.encode(value))).isEqualTo(value);
  }

  /** Strings of any code points (surrogate code points alone are not Unicode text). */
  @Provide
  static Arbitrary<String> unicode() {
    return Arbitraries.integers()
        .between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list()
        .ofMaxSize(50)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }
}
