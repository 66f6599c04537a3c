package dev.larder.server.it;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a request script that may quote a CAS unique the server handed out earlier in the same script,
 * and masks CAS uniques in replies, since two servers number their items differently.
 *
 * <p>In a script, {@value #CAS} stands for the unique of the last {@code VALUE} line received so far.
 * The script is sent in pieces, each ending before a line that quotes one, so that the unique is known
 * when that line is written.
 */
public final class CasScript {
  /** The placeholder for the last CAS unique received. */
  public static final String CAS = "{cas}";

  private static final Pattern VALUE_LINE =
      Pattern.compile("VALUE (\\S+) (\\d+) (\\d+)(?: (\\d+))?\r\n");

  private CasScript() {}

  /** Sends {@code script} over {@code connection} and returns all the replies, CAS uniques masked. */
  public static TextConnection.Reply run(TextConnection connection, String script) throws IOException {
    StringBuilder replies = new StringBuilder();
    String lastCas = null;
    String rest = script;
    int placeholder;
    while ((placeholder = rest.indexOf(CAS)) >= 0) {
      int lineStart = rest.lastIndexOf('\n', placeholder) + 1;
      if (lineStart > 0) {
        TextConnection.Reply reply = connection.exchange(rest.substring(0, lineStart));
        Masked masked = mask(reply.text(), lastCas);
        replies.append(masked.text());
        lastCas = masked.lastCas();
        if (reply.closed()) {
          return new TextConnection.Reply(replies.toString(), true);
        }
      }
      if (lastCas == null) {
        throw new IllegalArgumentException("script quotes " + CAS + " before any gets: " + script);
      }
      rest = rest.substring(lineStart).replace(CAS, lastCas);
    }
    TextConnection.Reply reply = connection.exchange(rest);
    replies.append(mask(reply.text(), lastCas).text());
    return new TextConnection.Reply(replies.toString(), reply.closed());
  }

  /** A reply with CAS uniques masked, and the last unique it held (or the one known before it). */
  record Masked(String text, String lastCas) {}

  /**
   * {@code reply} with the CAS unique of every {@code VALUE} line replaced by {@code <cas>}; data
   * blocks are copied as they are, whatever they contain.
   */
  static Masked mask(String reply, String previousCas) {
    StringBuilder masked = new StringBuilder();
    String lastCas = previousCas;
    Matcher value = VALUE_LINE.matcher(reply);
    int at = 0;
    while (at < reply.length()) {
      int next;
      if (value.region(at, reply.length()).lookingAt()) {
        masked.append("VALUE ").append(value.group(1)).append(' ').append(value.group(2)).append(' ')
            .append(value.group(3));
        if (value.group(4) != null) {
          masked.append(" <cas>");
          lastCas = value.group(4);
        }
        masked.append("\r\n");
        next = Math.min(reply.length(), value.end() + Integer.parseInt(value.group(3)) + 2);
        masked.append(reply, value.end(), next);
      } else {
        int lineEnd = reply.indexOf('\n', at);
        next = lineEnd < 0 ? reply.length() : lineEnd + 1;
        masked.append(reply, at, next);
      }
      at = next;
    }
    return new Masked(masked.toString(), lastCas);
  }
}
