package dev.larder.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain socket speaking memcached's text protocol, byte for byte: what a test writes is exactly what
 * the server reads. Strings are ISO-8859-1 so every byte round-trips through a {@code char}.
 *
 * <p>{@link #exchange} knows when a reply is complete without timing: it appends the sentinel
 * {@code version\r\n} and reads until the reply ends with a {@code VERSION} line or the server closes
 * the connection.
 */
public final class TextConnection implements AutoCloseable {
  /** Sent after a script; its reply marks the end of the script's replies. */
  public static final String SENTINEL = "version\r\n";

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern REPEATED = Pattern.compile("(.)\\1{15,}", Pattern.DOTALL);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private TextConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code 127.0.0.1:port}; every later read waits at most ten seconds. */
  public static TextConnection open(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), (int) READ_TIMEOUT.toMillis());
    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    socket.setTcpNoDelay(true);
    return new TextConnection(socket);
  }

  /** What the server answered to one script, and whether it then closed the connection. */
  public record Reply(String text, boolean closed) {
    /** The reply with CR and LF visible, and a marker when the server closed the connection. */
    public String printable() {
      return TextConnection.printable(text) + (closed ? "<connection closed>" : "");
    }
  }

  /**
   * Sends {@code script}, then the {@link #SENTINEL} unless the script ends inside a line (a sentinel
   * would finish that line), and returns everything the server answered before the sentinel's reply.
   */
  public Reply exchange(String script) throws IOException {
    boolean unterminated = !script.isEmpty() && !script.endsWith("\n");
    write(unterminated ? script : script + SENTINEL);
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    byte[] chunk = new byte[16384];
    while (true) {
      int n;
      try {
        n = in.read(chunk);
      } catch (SocketTimeoutException e) {
        throw new IOException("no complete reply within " + READ_TIMEOUT + ", got: "
            + excerpt(reply.toString(StandardCharsets.ISO_8859_1)), e);
      } catch (SocketException reset) {
        n = -1;
      }
      if (n < 0) {
        return new Reply(reply.toString(StandardCharsets.ISO_8859_1), true);
      }
      reply.write(chunk, 0, n);
      String text = reply.toString(StandardCharsets.ISO_8859_1);
      int sentinelReply = lastLineStart(text);
      if (!unterminated && sentinelReply >= 0 && text.startsWith("VERSION ", sentinelReply)) {
        return new Reply(text.substring(0, sentinelReply), false);
      }
    }
  }

  /** Writes the bytes of {@code text} (ISO-8859-1) and flushes. */
  public void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads one line and returns it without its {@code \r\n}; fails at end of stream. */
  public String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed after: " + excerpt(line.toString()));
      }
      line.append((char) b);
    }
    int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
    return line.substring(0, end);
  }

  /** Sends one command line and returns the one-line reply. */
  public String command(String line) throws IOException {
    write(line + "\r\n");
    return readLine();
  }

  /** {@code stats [group]}: the {@code STAT name value} lines up to {@code END}, in order. */
  public Map<String, String> stats(String group) throws IOException {
    write(group.isEmpty() ? "stats\r\n" : "stats " + group + "\r\n");
    Map<String, String> stats = new LinkedHashMap<>();
    for (String line = readLine(); !line.equals("END"); line = readLine()) {
      if (!line.startsWith("STAT ")) {
        throw new IOException("not a STAT line: " + excerpt(line));
      }
      String[] nameValue = line.substring("STAT ".length()).split(" ", 2);
      stats.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
    }
    return stats;
  }

  /**
   * Waits until the server closes the connection, discarding what it still sends; returns false if it
   * is still open after {@code limit}.
   */
  public boolean awaitClosed(Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    byte[] discard = new byte[1024];
    while (System.nanoTime() < deadline) {
      int remainingMillis = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      socket.setSoTimeout(remainingMillis);
      try {
        if (in.read(discard) < 0) {
          return true;
        }
      } catch (SocketTimeoutException stillOpen) {
        return false;
      } catch (SocketException reset) {
        return true;
      } finally {
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /**
   * {@code text} with CR and LF written as {@code \r} and {@code \n} and runs of 16 or more equal
   * characters written as {@code <N x 'c'>}: still one string per reply, but short enough for an
   * assertion message about a megabyte value.
   */
  public static String printable(String text) {
    String visible = text.replace("\r", "\\r").replace("\n", "\\n");
    return REPEATED.matcher(visible).replaceAll(run -> Matcher.quoteReplacement(
        "<" + run.group().length() + " x '" + run.group(1) + "'>"));
  }

  /** {@link #printable} cut to its first 200 characters, for error messages about long lines. */
  private static String excerpt(String text) {
    return printable(text.length() <= 200 ? text : text.substring(0, 200) + "...");
  }

  /** Where the last complete line of {@code text} starts, or -1 if {@code text} does not end a line. */
  private static int lastLineStart(String text) {
    if (!text.endsWith("\n")) {
      return -1;
    }
    return text.lastIndexOf('\n', text.length() - 2) + 1;
  }
}
