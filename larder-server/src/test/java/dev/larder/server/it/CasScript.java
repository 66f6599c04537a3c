package dev.larder.server.it;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a request script that may quote a CAS unique the server handed out earlier in the same script,
 * and masks CAS uniques in replies, since two servers number their items differently.
 *
 * <p>In a script, {@value #CAS} stands for the last unique received so far: of a {@code VALUE} line, a
 * meta {@code c} return flag or an {@code ME} line's {@code cas=}. The script is sent in pieces, each
 * ending before a line that quotes one, so that the unique is known when that line is written.
 */
public final class CasScript {
  /** The placeholder for the last CAS unique received. */
  public static final String CAS = "{cas}";

  private static final Pattern VALUE_LINE =
      Pattern.compile("VALUE (\\S+) (\\d+) (\\d+)(?: (\\d+))?\r\n");
  /** A meta reply line: its code, for VA the size of the value that follows, and its flags. */
  private static final Pattern META_LINE = Pattern.compile("(VA (\\d+)|HD|EN|NF|NS|EX|ME)((?: [^ \r\n]*)*)\r\n");
  /** A CAS unique in a meta line: the {@code c} return flag, or {@code cas=} of {@code me}. */
  private static final Pattern META_CAS = Pattern.compile("(?<= )(c|cas=)(\\d+)(?= |$)");

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
   * {@code reply} with the CAS unique of every {@code VALUE} line and meta reply line replaced by
   * {@code <cas>}; data blocks are copied as they are, whatever they contain.
   */
  static Masked mask(String reply, String previousCas) {
    StringBuilder masked = new StringBuilder();
    String lastCas = previousCas;
    Matcher value = VALUE_LINE.matcher(reply);
    Matcher meta = META_LINE.matcher(reply);
    int at = 0;
    while (at < reply.length()) {
      int next;
      if (meta.region(at, reply.length()).lookingAt()) {
        Matcher cas = META_CAS.matcher(meta.group(3));
        StringBuilder flags = new StringBuilder();
        while (cas.find()) {
          lastCas = cas.group(2);
          cas.appendReplacement(flags, cas.group(1) + "<cas>");
        }
        cas.appendTail(flags);
        masked.append(meta.group(1)).append(flags).append("\r\n");
        next = meta.group(2) == null
            ? meta.end()
            : Math.min(reply.length(), meta.end() + Integer.parseInt(meta.group(2)) + 2);
        masked.append(reply, meta.end(), next);
      } else if (value.region(at, reply.length()).lookingAt()) {
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
