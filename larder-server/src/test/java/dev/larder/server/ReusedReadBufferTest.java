package dev.larder.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator.ExtendedHandle;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class ReusedReadBufferTest {
  private final ByteBufAllocator alloc = UnpooledByteBufAllocator.DEFAULT;
  private final ReusedReadBuffer reads = new ReusedReadBuffer();
  private final ExtendedHandle handle = reads.newHandle();
  private final ChannelConfig config = new EmbeddedChannel().config();

  @Test
  void aReadLandsInTheBufferThePipelineReleased() {
    ByteBuf first = handle.allocate(alloc);
    first.writeBytes(new byte[] {1, 2, 3});
    first.release();

    ByteBuf second = handle.allocate(alloc);

    assertThat(second).isSameAs(first);
    assertThat(second.readableBytes()).isZero();
    assertThat(second.refCnt()).isEqualTo(2);
    second.release();
    reads.release();
    assertThat(first.refCnt()).isZero();
  }

  @Test
  void whileALongValueIsAwaitedReadsLandInTheFreeSpaceOfItsBuffer() {
    ByteBuf inbound = alloc.directBuffer(100).writeBytes(new byte[] {1, 2, 3});
    reads.readInto(inbound);

    ByteBuf read = handle.allocate(alloc);
    read.writeByte(4);

    assertThat(read.writableBytes()).isEqualTo(96);
    assertThat(inbound.getByte(3)).as("the read's byte, where the value goes on").isEqualTo((byte) 4);
    assertThat(reads.landedInTarget(read)).isTrue();
    read.release();
    reads.readInto(null);
    ByteBuf own = handle.allocate(alloc);
    assertThat(reads.landedInTarget(own)).isFalse();
    own.release();
    reads.release();
    inbound.release();
    assertThat(inbound.refCnt()).isZero();
  }

  @Test
  void aBufferThePipelineStillHoldsIsLeftToIt() {
    ByteBuf held = handle.allocate(alloc);
    held.writeBytes(new byte[] {1});

    ByteBuf next = handle.allocate(alloc);

    assertThat(next).isNotSameAs(held);
    assertThat(held.refCnt()).isEqualTo(1);
    assertThat(held.readableBytes()).isEqualTo(1);
    held.release();
    assertThat(held.refCnt()).isZero();
    next.release();
    reads.release();
    assertThat(next.refCnt()).isZero();
  }

  @Test
  void aKeptBufferServesASmallerGuess() {
    ByteBuf first = handle.allocate(alloc);
    first.release();
    for (int burst = 0; burst < 4; burst++) { // small reads make Netty guess smaller
      handle.reset(config);
      handle.lastBytesRead(10);
      handle.readComplete();
    }
    assertThat(handle.guess()).isLessThan(first.capacity());

    ByteBuf next = handle.allocate(alloc);

    assertThat(next).isSameAs(first);
    next.release();
    reads.release();
  }

  @Test
  void aBulkReadBufferIsNotKept() {
    handle.reset(config);
    handle.attemptedBytesRead(handle.guess());
    handle.lastBytesRead(handle.guess()); // a full buffer makes Netty guess larger
    assertThat(handle.guess()).isGreaterThan(16 * 1024);

    ByteBuf bulk = handle.allocate(alloc);
    bulk.release();

    assertThat(bulk.refCnt()).isZero();
    reads.release();
  }

  @Test
  void afterReleaseNothingIsKept() {
    ByteBuf kept = handle.allocate(alloc);
    kept.release();
    reads.release();
    assertThat(kept.refCnt()).isZero();

    ByteBuf late = handle.allocate(alloc);

    assertThat(late.refCnt()).isEqualTo(1);
    late.release();
    assertThat(late.refCnt()).isZero();
  }
}
