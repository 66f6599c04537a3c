package dev.larder.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyPartsTest {
  @Test
  void aPartHoldsSixteenKeysOrSixteenMegabytesOfValues() {
    assertThat(ReplyParts.keysPerPart(0)).isEqualTo(16);
    assertThat(ReplyParts.keysPerPart(1024 * 1024)).isEqualTo(16);
    assertThat(ReplyParts.keysPerPart(2 * 1024 * 1024)).isEqualTo(8);
    assertThat(ReplyParts.keysPerPart(16 * 1024 * 1024)).isEqualTo(1);
    assertThat(ReplyParts.keysPerPart(Integer.MAX_VALUE)).isEqualTo(1);
  }
}
