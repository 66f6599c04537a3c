package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyTrackerTest {
  private final ReplyTracker tracker = new ReplyTracker();

  @Test
  void aTextGetEndsAtEndAndCountsItsHits() {
    tracker.expectGet(3, Protocol.TEXT.getEnds(3));
    assertThat(tracker.accept(Reply.HIT)).isFalse();
    assertThat(tracker.accept(Reply.HIT)).isFalse();
    assertThat(tracker.accept(Reply.END)).isTrue();
    assertThat(tracker.hits()).isEqualTo(2);
    assertThat(tracker.misses()).isEqualTo(1);
    assertThat(tracker.failed()).isFalse();
  }

  @Test
  void aMetaGetEndsAtItsOnlyReply() {
    tracker.expectGet(1, Protocol.META.getEnds(1));
    assertThat(tracker.accept(Reply.MISS)).isTrue();
    assertThat(tracker.misses()).isEqualTo(1);
    tracker.expectGet(1, Protocol.META.getEnds(1));
    assertThat(tracker.accept(Reply.HIT)).isTrue();
    assertThat(tracker.hits()).isEqualTo(1);
  }

  @Test
  void aQuietMetaBatchEndsAtNoOp() {
    tracker.expectGet(4, Protocol.META.getEnds(4));
    assertThat(tracker.accept(Reply.HIT)).isFalse();
    assertThat(tracker.accept(Reply.NO_OP)).isTrue();
    assertThat(tracker.hits()).isEqualTo(1);
    assertThat(tracker.misses()).isEqualTo(3);
  }

  @Test
  void errorsAndRefusedStoresAreFailuresNotMisses() {
    tracker.expectGet(2, Protocol.TEXT.getEnds(2));
    assertThat(tracker.accept(Reply.ERROR)).isTrue();
    assertThat(tracker.failed()).isTrue();
    assertThat(tracker.misses()).isZero();
    tracker.expectSet();
    assertThat(tracker.accept(Reply.NOT_STORED)).isTrue();
    assertThat(tracker.failed()).isTrue();
    tracker.expectSet();
    assertThat(tracker.accept(Reply.STORED)).isTrue();
    assertThat(tracker.failed()).isFalse();
  }

  @Test
  void aReplyThatCannotAnswerTheRequestIsOutOfStep() {
    tracker.expectSet();
    assertThatThrownBy(() -> tracker.accept(Reply.HIT))
        .isInstanceOf(ReplyFormatException.class).hasMessage("unexpected HIT reply to a set");
    tracker.expectGet(1, Protocol.TEXT.getEnds(1));
    assertThatThrownBy(() -> tracker.accept(Reply.STORED)).hasMessage("unexpected STORED reply to a get");
  }
}
