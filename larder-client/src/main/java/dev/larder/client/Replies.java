package dev.larder.client;

import dev.larder.protocol.text.MalformedReplyException;
import dev.larder.protocol.text.TextResponse;
import dev.larder.protocol.text.TextResponse.Meta;
import dev.larder.protocol.text.TextResponse.MetaCode;
import dev.larder.protocol.text.TextResponse.Status;
import java.nio.charset.StandardCharsets;

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

  /** {@code mn}: true for {@code MN}. */
  static Boolean metaNoop(TextResponse reply) {
    if (reply instanceof Meta meta && meta.code() == MetaCode.MN) {
      return Boolean.TRUE;
    }
    throw unexpected(reply, "mn");
  }

  /** A lease get: {@code VA}, or {@code EN} when the server could not create the empty item. */
  static Meta leaseGet(TextResponse reply) {
    if (reply instanceof Meta meta && (meta.code() == MetaCode.VA || meta.code() == MetaCode.EN)) {
      return meta;
    }
    throw unexpected(reply, "mg");
  }

  /**
   * {@code ms}: stored ({@code HD}), or not ({@code NS} when a mode's condition failed; {@code EX},
   * {@code NF} when a lease's CAS no longer matches).
   */
  static Boolean metaStored(TextResponse reply) {
    return metaYesOrNo(reply, "ms", MetaCode.EX, MetaCode.NF, MetaCode.NS);
  }

  /** {@code md}: done ({@code HD}), or not ({@code NF}; {@code EX} for a CAS that did not match). */
  static Boolean metaDeleted(TextResponse reply) {
    return metaYesOrNo(reply, "md", MetaCode.NF, MetaCode.EX);
  }

  /**
   * {@code mg} in the meta mode: the value (with its CAS unique when asked for with {@code c}) as a
   * text retrieval would have read it, or null for {@code EN}.
   */
  static TextResponse.Value metaValue(TextResponse reply, byte[] key, boolean withCas) {
    if (reply instanceof Meta meta) {
      if (meta.code() == MetaCode.VA) {
        return new TextResponse.Value(key, meta.flags(), meta.data(), meta.cas(), withCas);
      }
      if (meta.code() == MetaCode.EN) {
        return null;
      }
    }
    throw unexpected(reply, "mg");
  }

  /** {@code mg <key> T<exptime>}: touched ({@code HD}), or missing ({@code EN}). */
  static Boolean metaTouched(TextResponse reply) {
    return metaYesOrNo(reply, "mg", MetaCode.EN);
  }

  /** {@code ms} with {@code C<cas>}, as {@code cas}: {@code HD}, {@code EX}, {@code NF}. */
  static CasResult metaCasResult(TextResponse reply) {
    if (reply instanceof Meta meta) {
      return switch (meta.code()) {
        case HD -> CasResult.STORED;
        case EX -> CasResult.EXISTS;
        case NF -> CasResult.NOT_FOUND;
        default -> throw unexpected(reply, "ms");
      };
    }
    throw unexpected(reply, "ms");
  }

  /** {@code ma ... v}: the new value, the data of {@code VA}, or null for {@code NF}. */
  static Long metaNumber(TextResponse reply) {
    if (reply instanceof Meta meta) {
      if (meta.code() == MetaCode.NF) {
        return null;
      }
      if (meta.code() == MetaCode.VA) {
        try {
          return Long.parseUnsignedLong(new String(meta.data(), StandardCharsets.US_ASCII));
        } catch (NumberFormatException notANumber) {
          throw unexpected(reply, "ma");
        }
      }
    }
    throw unexpected(reply, "ma");
  }

  private static Boolean metaYesOrNo(TextResponse reply, String command, MetaCode... no) {
    if (reply instanceof Meta meta) {
      if (meta.code() == MetaCode.HD) {
        return Boolean.TRUE;
      }
      for (MetaCode code : no) {
        if (meta.code() == code) {
          return Boolean.FALSE;
        }
      }
    }
    throw unexpected(reply, command);
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
