package dev.larder.client.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
  private static final List<Node> NODES = List.of(Node.of("a", 1), Node.of("b", 2));

  @Test
  void parsesTheCommandLineWords() {
    assertThat(Distribution.parse("ketama")).isEqualTo(Distribution.KETAMA);
    assertThat(Distribution.parse("rendezvous")).isEqualTo(Distribution.RENDEZVOUS);
    assertThat(Distribution.parse("modula")).isEqualTo(Distribution.MODULA);
  }

  @Test
  void rejectsOtherWordsListingTheValidOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Distribution.parse("KETAMA"))
        .withMessage("distribution: 'KETAMA' (expected: ketama|rendezvous|modula)");
  }

  @Test
  void buildsTheMatchingLocator() {
    assertThat(Distribution.KETAMA.locator(NODES)).isInstanceOf(KetamaLocator.class);
    assertThat(Distribution.RENDEZVOUS.locator(NODES)).isInstanceOf(RendezvousLocator.class);
    assertThat(Distribution.MODULA.locator(NODES)).isInstanceOf(ModulaLocator.class);
  }
}
