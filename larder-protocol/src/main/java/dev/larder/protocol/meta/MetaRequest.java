package dev.larder.protocol.meta;

/**
 * One meta command as the text decoder parsed it. Keys are the bytes the command names: already
 * decoded when sent in base64 ({@link MetaFlags#base64Key}). Lines memcached refuses while parsing do
 * not become a {@code MetaRequest}: they are {@link dev.larder.protocol.text.TextRequest.ErrorReply}s.
 */
public sealed interface MetaRequest {

  /** {@code mg <key> <flags>*}. */
  record Get(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code ms <key> <datalen> <flags>*} and its data block, which ended in {@code \r\n}. */
  record Set(byte[] key, byte[] data, MetaFlags flags) implements MetaRequest {}

  /**
   * An {@code ms} whose declared length is over the decoder's value limit: its data block is dropped
   * as it arrives; memcached answers {@code SERVER_ERROR object too large for cache} (even with
   * {@code q}) and removes the item under the key.
   */
  record SetTooLarge(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code md <key> <flags>*}. */
  record Delete(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code ma <key> <flags>*}. */
  record Arithmetic(byte[] key, MetaFlags flags) implements MetaRequest {}

  /** {@code mn}: answered {@code MN}, so a client knows every reply before it has arrived. */
  record Noop() implements MetaRequest {}

  /** {@code me <key> [b]}: a debug line about the item. */
  record Debug(byte[] key, boolean base64Key) implements MetaRequest {}
}
