package dev.larder.client.routing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Consistent hashing exactly as libmemcached's {@code MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED} (pylibmc
 * {@code behaviors={"ketama_weighted": True}}), so Java and libmemcached clients sharing a server
 * list agree on every key. Adding or removing a server moves only about 1/N of the keys.
 *
 * <p>Each server gets {@code floor(weight / totalWeight * 40 * N) * 4} points on a 32-bit circle,
 * computed in single precision as libmemcached does; the points are the MD5 digests of {@code
 * "<host>-<i>"} (port 11211) or {@code "<host>:<port>-<i>"}, four little-endian points per digest.
 * A key goes to the first point at or after the first four bytes (little-endian) of its MD5,
 * wrapping around; of equal points the server listed first wins.
 */
public final class KetamaLocator implements NodeLocator {
  private static final int POINTS_PER_SERVER = 160;

  private final Node[] nodes;
  /** Sorted {@link #entry entries}: a point in the high 32 bits, its owner's index in the low. */
  private final long[] continuum;

  /**
   * Builds the continuum over {@code nodes}, in the order libmemcached was given them.
   *
   * @throws IllegalArgumentException if {@code nodes} is empty
   */
  public KetamaLocator(List<Node> nodes) {
    this.nodes = Nodes.requireSome(nodes).toArray(Node[]::new);
    this.continuum = continuum(this.nodes);
  }

  @Override
  public Node locate(byte[] key) {
    // The first point >= the key's hash (owner index 0 sorts first among equal points), wrapping.
    int found = Arrays.binarySearch(continuum, entry(Md5.point(Md5.digest(key), 0), 0));
    int at = found >= 0 ? found : -found - 1;
    return nodes[(int) continuum[at == continuum.length ? 0 : at]];
  }

  /**
   * How many points libmemcached gives a server of {@code weight}: {@code floor(pct * 160 / 4 *
   * serverCount) * 4} with {@code pct = weight / totalWeight}, all in {@code float}. Single
   * precision matters: weights 1 of a total 25 over 5 servers give 7.9999995, so 28 points rather
   * than 32. libmemcached adds 1e-10 before flooring, which cannot lift a float of this size to
   * the next integer, so it is left out.
   */
  static int pointCount(int weight, long totalWeight, int serverCount) {
    float pct = (float) weight / (float) totalWeight;
    float quarterPoints = pct * POINTS_PER_SERVER / 4 * (float) serverCount;
    return (int) Math.floor(quarterPoints) * 4;
  }

  private static long[] continuum(Node[] nodes) {
    long totalWeight = Arrays.stream(nodes).mapToLong(Node::weight).sum();
    int[] digests = new int[nodes.length];
    for (int index = 0; index < nodes.length; index++) {
      digests[index] =
          pointCount(nodes[index].weight(), totalWeight, nodes.length) / Md5.POINTS_PER_DIGEST;
    }
    long[] entries = new long[Arrays.stream(digests).sum() * Md5.POINTS_PER_DIGEST];
    int size = 0;
    for (int index = 0; index < nodes.length; index++) {
      for (int i = 0; i < digests[index]; i++) {
        byte[] digest = Md5.digest(pointName(nodes[index], i));
        for (int p = 0; p < Md5.POINTS_PER_DIGEST; p++) {
          entries[size++] = entry(Md5.point(digest, p), index);
        }
      }
    }
    Arrays.sort(entries);
    return entries;
  }

  /**
   * A continuum entry. Entries compare (signed) as their points compare unsigned, then by owner
   * index, which is libmemcached's order: 1.1 compares the index of equal points explicitly, and
   * 1.0.18, comparing points only, kept insertion (owner) order through glibc's stable qsort.
   */
  private static long entry(int point, int ownerIndex) {
    return (long) (point ^ Integer.MIN_VALUE) << 32 | ownerIndex;
  }

  private static byte[] pointName(Node node, int i) {
    String server = node.port() == Node.DEFAULT_PORT ? node.host() : node.toString();
    return (server + "-" + i).getBytes(StandardCharsets.UTF_8);
  }
}
