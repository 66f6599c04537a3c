package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.protocol.text.MalformedReplyException;
import dev.larder.protocol.text.TextResponse;
import dev.larder.protocol.text.TextResponse.Meta;
import dev.larder.protocol.text.TextResponse.MetaCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The meta mode's replies read as the text commands' results ({@link Replies}); memcached 1.6.18's replies. */
class MetaRepliesTest {
  private static final byte[] KEY = "k".getBytes(StandardCharsets.US_ASCII);

  @Test
  void get() {
    TextResponse.Value hit = Replies.metaValue(value("awz", 5, 7), KEY, true);
    assertThat(hit.data()).asString(StandardCharsets.US_ASCII).isEqualTo("awz");
    assertThat(hit.flags()).isEqualTo(5);
    assertThat(hit.cas()).isEqualTo(7);
    assertThat(hit.hasCas()).isTrue();
    assertThat(hit.key()).isEqualTo(KEY);
    assertThat(Replies.metaValue(value("v", -1, 0), KEY, false).flags()).isEqualTo(-1);
    assertThat(Replies.metaValue(code(MetaCode.EN), KEY, false)).isNull();
    assertThatThrownBy(() -> Replies.metaValue(code(MetaCode.HD), KEY, false)).isInstanceOf(MalformedReplyException.class);
    assertThatThrownBy(() -> Replies.metaValue(TextResponse.Status.END, KEY, false))
        .isInstanceOf(MalformedReplyException.class);
  }

  @Test
  void touch() {
    assertThat(Replies.metaTouched(code(MetaCode.HD))).isTrue();
    assertThat(Replies.metaTouched(code(MetaCode.EN))).isFalse();
    assertThatThrownBy(() -> Replies.metaTouched(TextResponse.Status.TOUCHED)).isInstanceOf(MalformedReplyException.class);
  }

  @Test
  void store() {
    assertThat(Replies.metaStored(code(MetaCode.HD))).isTrue();
    assertThat(Replies.metaStored(code(MetaCode.NS))).isFalse();
    assertThatThrownBy(() -> Replies.metaStored(code(MetaCode.EN))).isInstanceOf(MalformedReplyException.class);
  }

  @Test
  void cas() {
    assertThat(Replies.metaCasResult(code(MetaCode.HD))).isEqualTo(CasResult.STORED);
    assertThat(Replies.metaCasResult(code(MetaCode.EX))).isEqualTo(CasResult.EXISTS);
    assertThat(Replies.metaCasResult(code(MetaCode.NF))).isEqualTo(CasResult.NOT_FOUND);
    assertThatThrownBy(() -> Replies.metaCasResult(code(MetaCode.NS))).isInstanceOf(MalformedReplyException.class);
  }

  @Test
  void delete() {
    assertThat(Replies.metaDeleted(code(MetaCode.HD))).isTrue();
    assertThat(Replies.metaDeleted(code(MetaCode.NF))).isFalse();
  }

  @Test
  void incrDecr() {
    assertThat(Replies.metaNumber(value("42", 0, 0))).isEqualTo(42L);
    assertThat(Replies.metaNumber(value("18446744073709551615", 0, 0))).isEqualTo(-1L);
    assertThat(Replies.metaNumber(code(MetaCode.NF))).isNull();
    assertThatThrownBy(() -> Replies.metaNumber(value("4x", 0, 0))).isInstanceOf(MalformedReplyException.class);
    assertThatThrownBy(() -> Replies.metaNumber(code(MetaCode.HD))).isInstanceOf(MalformedReplyException.class);
  }

  private static Meta value(String data, int flags, long cas) {
    return new Meta(MetaCode.VA, data.getBytes(StandardCharsets.US_ASCII), flags, cas, false, false, false);
  }

  private static Meta code(MetaCode code) {
    return new Meta(code, new byte[0], 0, 0, false, false, false);
  }
}
