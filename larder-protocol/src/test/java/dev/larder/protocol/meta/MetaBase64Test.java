package dev.larder.protocol.meta;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** memcached 1.6.18's base64.c, case by case. */
class MetaBase64Test {
  private static byte[] decode(String text) {
    byte[] bytes = text.getBytes(ISO_8859_1);
    return MetaBase64.decode(bytes, 0, bytes.length);
  }

  private static String decoded(String text) {
    return new String(decode(text), ISO_8859_1);
  }

  @Test
  void decodesWholeGroupsAndPadding() {
    assertThat(decoded("Zm9vYmFy")).isEqualTo("foobar");
    assertThat(decoded("YQ==")).isEqualTo("a");
    assertThat(decoded("YWI=")).isEqualTo("ab");
    assertThat(decode("AAEC/w==")).containsExactly(0, 1, 2, 0xff);
  }

  @Test
  void skipsBytesOutsideTheAlphabet() {
    assertThat(decoded("Y.W.J.j")).isEqualTo("abc");
    assertThat(decoded("Y!Q==")).isEqualTo("a");
  }

  @Test
  void stopsAfterTheFirstPaddedGroup() {
    assertThat(decoded("YQ==YWJj")).isEqualTo("a");
  }

  @Test
  void failsWhereMemcachedFails() {
    assertThat(decode("")).isNull();
    assertThat(decode("!!!!")).isNull();
    assertThat(decode("YWJ")).isNull();
    assertThat(decode("====")).isNull();
    assertThat(decode("Y===")).isNull();
  }

  @Test
  void encodesWithPadding() {
    assertThat(new String(MetaBase64.encode("a".getBytes(ISO_8859_1)), ISO_8859_1)).isEqualTo("YQ==");
    assertThat(new String(MetaBase64.encode("foobar".getBytes(ISO_8859_1)), ISO_8859_1)).isEqualTo("Zm9vYmFy");
  }
}
