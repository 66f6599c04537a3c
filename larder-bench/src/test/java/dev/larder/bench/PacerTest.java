package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The clock is the {@code now} each call is given: a fake clock the test moves by hand. */
class PacerTest {
  @Test
  void closedLoopSendsWhileASlotIsFreeAndTimesFromTheSend() {
    Pacer pacer = new Pacer(2, 0, 0);
    assertThat(pacer.nextSendTime(100)).isEqualTo(100);
    pacer.sent(100, false);
    pacer.sent(130, true);
    assertThat(pacer.nextSendTime(140)).isEqualTo(Pacer.NO_FREE_SLOT);
    assertThat(pacer.oldestIsSet()).isFalse();
    assertThat(pacer.completed()).isEqualTo(100);
    assertThat(pacer.oldestIsSet()).isTrue();
    assertThat(pacer.nextSendTime(260)).isEqualTo(260);
    assertThat(pacer.completed()).isEqualTo(130);
    assertThat(pacer.inFlight()).isZero();
  }

  @Test
  void atAFixedRateEachRequestHasItsOwnIntendedTime() {
    Pacer pacer = new Pacer(4, 1000, 100);
    assertThat(pacer.nextSendTime(900)).as("too early: wait").isEqualTo(1000);
    pacer.sent(1000, false);
    assertThat(pacer.nextSendTime(1000)).isEqualTo(1100);
    pacer.sent(1103, false);
    assertThat(pacer.completed()).isEqualTo(1000);
    assertThat(pacer.completed()).as("timed from 1100, not from the late send at 1103").isEqualTo(1100);
  }

  /**
   * A server that stalls for 1000 ns at pipeline 1 and 100 ns intervals: the requests meant for
   * 1100..1900 wait for the stall, and keep their intended times, so their latency says so (no
   * coordinated omission).
   */
  @Test
  void whenBehindTheWaitCountsInTheLatency() {
    Pacer pacer = new Pacer(1, 1000, 100);
    pacer.sent(1000, false);
    assertThat(pacer.nextSendTime(1500)).isEqualTo(Pacer.NO_FREE_SLOT);
    assertThat(pacer.completed()).isEqualTo(1000);
    assertThat(pacer.nextSendTime(2000)).as("meant for 1100, due now").isEqualTo(1100);
    pacer.sent(2000, false);
    assertThat(pacer.completed()).isEqualTo(1100);
    assertThat(pacer.nextSendTime(2010)).isEqualTo(1200);
    pacer.sent(2010, false);
    assertThat(pacer.completed()).isEqualTo(1200);
  }

  @Test
  void aReplyWithNothingInFlightIsABug() {
    assertThatThrownBy(() -> new Pacer(1, 0, 0).completed()).isInstanceOf(IllegalStateException.class);
  }
}
