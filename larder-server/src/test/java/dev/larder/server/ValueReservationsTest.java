package dev.larder.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueReservationsTest {
  private final ValueReservations reservations = new ValueReservations();

  @Test
  void reservesUpToTheLimitAndAgainWhatIsGivenBack() {
    assertThat(reservations.tryReserve(ValueReservations.LIMIT - 10)).isTrue();
    assertThat(reservations.tryReserve(11)).as("past the limit").isFalse();
    assertThat(reservations.tryReserve(10)).as("up to the limit").isTrue();
    reservations.release(1000);
    assertThat(reservations.tryReserve(1001)).isFalse();
    assertThat(reservations.tryReserve(1000)).isTrue();
  }
}
