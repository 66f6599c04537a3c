package dev.larder.client.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rendezvous (highest random weight) hashing exactly as pymemcache's {@code HashClient} with its
 * default {@code RendezvousHash}, so Java and pymemcache clients sharing a server list agree on
 * every key. Removing a server moves only its own keys; weights are ignored.
 *
 * <p>Each server scores a key with murmur3_32 (seed 0) of the Python string {@code
 * "<host>:<port>-<key>"}; the highest score wins, and of equal scores the larger server string.
 *
 * <p>pymemcache hashes a {@code str} key one byte per character ({@code ord(c) & 0xff}), not its
 * UTF-8 encoding, so this locator decodes the key from UTF-8 and does the same; bytes that are
 * not UTF-8, which no Python string encodes to, count as U+FFFD. Python keys given as {@code
 * bytes} are hashed by their {@code repr}, {@code "b'...'"}, and land elsewhere: only {@code str}
 * keys can be shared. pymemcache also leaves its {@code key_prefix} out of the hash.
 */
public final class RendezvousLocator implements NodeLocator {
  private static final int SEED = 0;

  private final Node[] nodes;
  /** Per node, the characters hashed before the key: {@code "<host>:<port>-"}. */
  private final byte[][] prefixes;
  private final int longestPrefix;

  /**
   * Spreads keys over {@code nodes}; their order does not matter.
   *
   * @throws IllegalArgumentException if {@code nodes} is empty
   */
  public RendezvousLocator(List<Node> nodes) {
    this.nodes = Nodes.requireSome(nodes).toArray(Node[]::new);
    this.prefixes = new byte[this.nodes.length][];
    int longest = 0;
    for (int i = 0; i < this.nodes.length; i++) {
      prefixes[i] = pythonCharacters(this.nodes[i] + "-");
      longest = Math.max(longest, prefixes[i].length);
    }
    this.longestPrefix = longest;
  }

  @Override
  public Node locate(byte[] key) {
    byte[] keyCharacters = pythonCharacters(new String(key, StandardCharsets.UTF_8));
    // One buffer: the key at the end, each node's prefix written just before it in turn.
    byte[] buffer = new byte[longestPrefix + keyCharacters.length];
    System.arraycopy(keyCharacters, 0, buffer, longestPrefix, keyCharacters.length);
    int winner = -1;
    long highScore = -1;
    for (int i = 0; i < nodes.length; i++) {
      int start = longestPrefix - prefixes[i].length;
      System.arraycopy(prefixes[i], 0, buffer, start, prefixes[i].length);
      int hash = Murmur3.hash32(buffer, start, buffer.length - start, SEED);
      long score = Integer.toUnsignedLong(hash);
      if (score > highScore || score == highScore && isLarger(nodes[i], nodes[winner])) {
        highScore = score;
        winner = i;
      }
    }
    return nodes[winner];
  }

  private static boolean isLarger(Node node, Node than) {
    return node.toString().compareTo(than.toString()) > 0;
  }

  /**
   * What pymemcache's murmur3 reads of a Python string: one byte per code point, its low 8 bits.
   */
  private static byte[] pythonCharacters(String text) {
    int[] codePoints = text.codePoints().toArray();
    byte[] characters = new byte[codePoints.length];
    for (int i = 0; i < codePoints.length; i++) {
      characters[i] = (byte) codePoints[i];
    }
    return characters;
  }
}
