package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.client.ServerHealth.Dead;
import dev.larder.client.ServerHealth.Failing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The health state machine, driven by explicit times: pymemcache's counting of retries. */
class DeadServerPolicyTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  /** An arbitrary start: nanoTime readings may be negative. */
  private static final long T0 = -5 * SECOND;

  private final DeadServerPolicy policy = DeadServerPolicy.PYMEMCACHE;

  @Test
  void aServerIsDeadAtItsThirdFailureOneRetryTimeoutApart() {
    ServerHealth health = policy.afterFailure(ServerHealth.HEALTHY, T0);
    assertThat(health).isEqualTo(new Failing(1, T0));

    health = policy.afterFailure(health, T0 + SECOND);
    assertThat(health).isEqualTo(new Failing(2, T0 + SECOND));

    health = policy.afterFailure(health, T0 + 2 * SECOND);
    assertThat(health).isEqualTo(new Dead(T0 + 62 * SECOND));
  }

  @Test
  void failuresWithinTheRetryTimeoutOfTheLastCountedOneCountOnce() {
    ServerHealth health = policy.afterFailure(ServerHealth.HEALTHY, T0);
    for (long at = T0; at < T0 + SECOND; at += SECOND / 10) {
      health = policy.afterFailure(health, at);
    }

    assertThat(health).isEqualTo(new Failing(1, T0));
    assertThat(policy.afterFailure(health, T0 + SECOND)).isEqualTo(new Failing(2, T0 + SECOND));
  }

  @Test
  void aSuccessMakesAFailingServerHealthyAndStartsTheCountAgain() {
    ServerHealth failing = policy.afterFailure(policy.afterFailure(ServerHealth.HEALTHY, T0), T0 + SECOND);

    ServerHealth health = policy.afterSuccess(failing);

    assertThat(health).isEqualTo(ServerHealth.HEALTHY);
    assertThat(policy.afterFailure(health, T0 + 2 * SECOND)).isEqualTo(new Failing(1, T0 + 2 * SECOND));
  }

  @Test
  void zeroRetryAttemptsMarksAServerDeadAtItsFirstFailure() {
    DeadServerPolicy impatient = new DeadServerPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(10));

    assertThat(impatient.afterFailure(ServerHealth.HEALTHY, T0)).isEqualTo(new Dead(T0 + 10 * SECOND));
  }

  @Test
  void aDeadServerIgnoresLateOutcomesUntilItsDeadTimeoutIsOver() {
    Dead dead = new Dead(T0 + 60 * SECOND);

    assertThat(policy.afterFailure(dead, T0 + 30 * SECOND)).isEqualTo(dead);
    assertThat(policy.afterSuccess(dead)).isEqualTo(dead);
    assertThat(policy.afterReview(dead, T0 + 60 * SECOND - 1, true)).isEqualTo(dead);
  }

  @Test
  void afterItsDeadTimeoutAServerWithAnOpenConnectionIsBack() {
    assertThat(policy.afterReview(new Dead(T0), T0, true)).isEqualTo(ServerHealth.HEALTHY);
  }

  @Test
  void afterItsDeadTimeoutAnUnreachableServerIsLookedAtAgainOneRetryTimeoutLater() {
    ServerHealth health = policy.afterReview(new Dead(T0), T0 + 3, false);

    assertThat(health).isEqualTo(new Dead(T0 + 3 + SECOND));
    assertThat(policy.afterReview(health, T0 + 3 + SECOND, true)).isEqualTo(ServerHealth.HEALTHY);
  }

  @Test
  void reviewsLeaveServersThatAreNotDeadAlone() {
    Failing failing = new Failing(1, T0);

    assertThat(policy.afterReview(ServerHealth.HEALTHY, T0, false)).isEqualTo(ServerHealth.HEALTHY);
    assertThat(policy.afterReview(failing, T0 + 100 * SECOND, false)).isEqualTo(failing);
  }

  @Test
  void timesWrapAroundAsNanoTimeMay() {
    long beforeWrap = Long.MAX_VALUE - SECOND / 2;
    ServerHealth health = policy.afterFailure(ServerHealth.HEALTHY, beforeWrap);

    assertThat(policy.afterFailure(health, beforeWrap + SECOND / 4)).isEqualTo(health);
    assertThat(policy.afterFailure(health, beforeWrap + SECOND)).isEqualTo(new Failing(2, beforeWrap + SECOND));
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> new DeadServerPolicy(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadServerPolicy retryAttempts: -1 (expected: >= 0)");
    assertThatThrownBy(() -> new DeadServerPolicy(2, Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessage("deadServerPolicy retryTimeout: PT0S (expected: > 0)");
    assertThatThrownBy(() -> new DeadServerPolicy(2, Duration.ofSeconds(1), null))
        .hasMessage("deadServerPolicy deadTimeout: null (expected: > 0)");
  }
}
