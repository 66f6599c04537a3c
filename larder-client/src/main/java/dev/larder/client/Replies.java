package dev.larder.client;

import dev.larder.protocol.text.MalformedReplyException;
import dev.larder.protocol.text.TextResponse;
import dev.larder.protocol.text.TextResponse.Status;

/** What the one-line replies mean for each command; anything else is a broken stream. */
final class Replies {
  private Replies() {}

  static Boolean stored(TextResponse reply) {
    return yesOrNo(reply, Status.STORED, Status.NOT_STORED, "a storage command");
  }

  static Boolean deleted(TextResponse reply) {
    return yesOrNo(reply, Status.DELETED, Status.NOT_FOUND, "delete");
  }

  static Boolean touched(TextResponse reply) {
    return yesOrNo(reply, Status.TOUCHED, Status.NOT_FOUND, "touch");
  }

  static CasResult casResult(TextResponse reply) {
    if (reply instanceof Status status) {
      return switch (status) {
        case STORED -> CasResult.STORED;
        case EXISTS -> CasResult.EXISTS;
        case NOT_FOUND -> CasResult.NOT_FOUND;
        default -> throw unexpected(reply, "cas");
      };
    }
    throw unexpected(reply, "cas");
  }

  /** incr/decr: the new value, or null for {@code NOT_FOUND}. */
  static Long number(TextResponse reply) {
    if (reply instanceof TextResponse.Number number) {
      return number.value();
    }
    if (reply == Status.NOT_FOUND) {
      return null;
    }
    throw unexpected(reply, "incr/decr");
  }

  static Void ok(TextResponse reply) {
    if (reply != Status.OK) {
      throw unexpected(reply, "flush_all");
    }
    return null;
  }

  static String version(TextResponse reply) {
    if (reply instanceof TextResponse.Version version) {
      return version.version();
    }
    throw unexpected(reply, "version");
  }

  private static Boolean yesOrNo(TextResponse reply, Status yes, Status no, String command) {
    if (reply == yes) {
      return Boolean.TRUE;
    }
    if (reply == no) {
      return Boolean.FALSE;
    }
    throw unexpected(reply, command);
  }

  static MalformedReplyException unexpected(TextResponse reply, String command) {
    return new MalformedReplyException("reply to " + command + ": " + reply + " (expected: a reply to " + command + ")");
  }
}
