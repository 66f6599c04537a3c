package dev.larder.client;

/**
 * Which protocol single-key commands are sent in (see {@link LarderClientBuilder#protocol}). Either way
 * a command's result is the same; meta replies say more (a miss is a one-word {@code EN}, {@code mg}
 * reads the value, flags and CAS unique in one command), and the meta protocol is the one memcached
 * 1.6 develops further.
 */
public enum ClientProtocol {
  /**
   * Meta commands to servers that answer {@code mn} with {@code MN} (memcached 1.6, Larder), asked
   * once per server; text commands to the others.
   */
  AUTO,
  /** Text commands only; leases still use meta commands where the server speaks them. */
  TEXT,
  /**
   * Meta commands, without asking first: a server without them answers {@code ERROR}, which fails
   * each command with a {@link ServerErrorException}.
   */
  META
}
