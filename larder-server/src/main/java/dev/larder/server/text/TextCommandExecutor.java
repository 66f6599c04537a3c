package dev.larder.server.text;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.text.RetrievalKeys;
import dev.larder.protocol.text.StorageCommand;
import dev.larder.protocol.text.TextReplies;
import dev.larder.protocol.text.TextRequest;
import dev.larder.server.ClientConnection;
import dev.larder.server.MultiGetReplies;
import dev.larder.server.ReplyValues;
import dev.larder.server.ServerContext;
import dev.larder.server.ServerStats;
import dev.larder.server.meta.MetaCommandExecutor;
import dev.larder.storage.Arithmetic;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.ChangeResult;
import dev.larder.storage.Expiry;
import dev.larder.storage.ItemEditor;
import dev.larder.storage.ItemView;
import dev.larder.storage.StoreMode;
import dev.larder.storage.StoreResult;
import io.netty.buffer.ByteBuf;

/**
 * Carries out the text protocol requests of one connection on the engine and writes memcached 1.6.18's
 * replies, updating the server's counters as memcached does (proto_text.c, memcached.c).
 *
 * <p>Not thread-safe: one instance per connection, called on the connection's event loop.
 */
public final class TextCommandExecutor {
  /** memcached's {@code MAX_VERBOSITY_LEVEL}. */
  private static final int MAX_VERBOSITY = 2;
  /** memcached refuses memory limits under 8 MB... */
  private static final long MIN_MEMLIMIT_MEGABYTES = 8;
  /** ...and over a billion megabytes, taking such numbers for bytes. */
  private static final long MAX_MEMLIMIT_MEGABYTES = 1_000_000_000;
  /** What {@code stats conns} shows for a connection while it runs a command. */
  private static final String STATE_PARSING = "conn_parse_cmd";
  /** What it shows for a connection waiting for its next command. */
  private static final String STATE_WAITING = "conn_read";

  private final ServerContext server;
  private final ClientConnection connection;
  private final CacheEngine engine;
  private final ServerStats stats;
  private final TextStats statsReport;
  private final MetaCommandExecutor meta;
  private final ReplyValues values;
  private final ValueWriter valueWriter;
  /**
   * The expiry a gat/gats line sets, worked out once for all its parts (memcached works it out once
   * per command), and whether parts of the line are still to come.
   */
  private long retrievalExpiresAt;
  private boolean retrievalContinues;
  /** The number incr/decr stored last, caught by {@link #numberCatcher}. */
  private long number;
  private final ItemEditor numberCatcher = (item, created) -> number = Arithmetic.numberIn(item);
  /**
   * Reply bytes written since the point where memcached would last have sent its queued replies. It
   * sends them after every get and whenever it waits for input; before that it may still drop them,
   * which it does when a get meets a too-long key or the connection is to be closed. A reply with a
   * value sent from engine memory ({@link ReplyValues}) goes out before the next request, so it
   * counts as sent, an {@code mg}'s included.
   */
  private long unflushedReplyBytes;
  /** Where the reply to the request being executed starts in {@code out}. */
  private int replyStart;

  /** {@code values} puts the values of hits into replies. */
  public TextCommandExecutor(ServerContext server, ClientConnection connection, ReplyValues values) {
    this.server = server;
    this.connection = connection;
    this.engine = server.engine();
    this.stats = server.stats();
    this.statsReport = new TextStats(server);
    this.meta = new MetaCommandExecutor(server, values);
    this.values = values;
    this.valueWriter = new ValueWriter(values);
  }

  /**
   * Writes the reply to {@code request} into {@code out} and returns false when the connection must be
   * closed once {@code out} is flushed.
   *
   * <p>{@code out} should hold the replies of the current read burst that are not flushed yet: where
   * memcached drops replies it has queued but not sent (a get with a too-long key, a close), this drops
   * the same ones from {@code out}, never bytes that were flushed.
   */
  public boolean execute(TextRequest request, ByteBuf out) {
    long now = server.clock().millis();
    connection.commandRead(now, STATE_PARSING);
    replyStart = out.writerIndex();
    boolean keepOpen = dispatch(request, out, now);
    unflushedReplyBytes += out.writerIndex() - replyStart;
    if (values.pinnedAny() || request instanceof TextRequest.Retrieve retrieve && !retrieve.tooLongKeyFollows()) {
      unflushedReplyBytes = 0;
    }
    connection.commandRead(now, STATE_WAITING);
    return keepOpen;
  }

  private boolean dispatch(TextRequest request, ByteBuf out, long now) {
    if (request instanceof TextRequest.Retrieve retrieve) {
      retrieve(retrieve, out, now);
    } else if (request instanceof TextRequest.Store store) {
      store(store, out, now);
    } else if (request instanceof TextRequest.Delete delete) {
      delete(delete, out);
    } else if (request instanceof TextRequest.IncrDecr incrDecr) {
      incrDecr(incrDecr, out);
    } else if (request instanceof TextRequest.Touch touch) {
      touch(touch, out, now);
    } else if (request instanceof TextRequest.Meta metaRequest) {
      meta.execute(metaRequest.request(), out, now);
    } else if (request instanceof TextRequest.ErrorReply error) {
      reply(out, error.line(), error.noreply());
    } else if (request instanceof TextRequest.ValueTooLarge tooLarge) {
      refuseTooLarge(tooLarge.command(), tooLarge.key(), tooLarge.noreply(), out);
    } else if (request instanceof TextRequest.BadDataChunk badChunk) {
      // memcached counts the set before it checks the chunk's end.
      stats.cmdSet.increment();
      reply(out, TextReplies.BAD_DATA_CHUNK, badChunk.noreply());
    } else if (request instanceof TextRequest.FlushAll flush) {
      flushAll(flush, out, now);
    } else if (request instanceof TextRequest.InvalidFlushAll invalid) {
      stats.cmdFlush.increment();
      reply(out, TextReplies.INVALID_EXPTIME, invalid.noreply());
    } else if (request instanceof TextRequest.Version) {
      out.writeBytes(TextReplies.VERSION);
    } else if (request instanceof TextRequest.Verbosity verbosity) {
      server.verbosity((int) Math.min(verbosity.level(), MAX_VERBOSITY));
      reply(out, TextReplies.OK, verbosity.noreply());
    } else if (request instanceof TextRequest.Stats statsRequest) {
      statsReport.write(statsRequest.args(), out, now);
    } else if (request instanceof TextRequest.CacheMemlimit memlimit) {
      cacheMemlimit(memlimit, out);
    } else if (request instanceof TextRequest.Shutdown shutdown) {
      return shutdown(shutdown, out);
    } else if (request instanceof TextRequest.Quit) {
      return false;
    } else if (request instanceof TextRequest.Close) {
      dropUnflushedReplies(out);
      return false;
    } else {
      throw new IllegalArgumentException("unknown text request: " + request);
    }
    return true;
  }

  /**
   * get/gets/gat/gats, or a part of one: every key counts in cmd_get (cmd_touch for gat), hits and
   * misses apart; the counters are updated once per part, however many keys it has.
   */
  private void retrieve(TextRequest.Retrieve retrieve, ByteBuf out, long now) {
    if (!retrievalContinues) {
      retrievalExpiresAt = retrieve.touch() ? Expiry.fromExptime(retrieve.exptime(), now) : 0;
    }
    retrievalContinues = !retrieve.last();
    long expiresAt = retrievalExpiresAt;
    RetrievalKeys keys = retrieve.keys();
    // memcached drops the VALUE lines of a get with a key too long, so they are only counted.
    valueWriter.prepare(retrieve.tooLongKeyFollows() ? null : out, keys, retrieve.returnCas());
    engine.getAll(valueWriter, retrieve.touch(), expiresAt, valueWriter);
    valueWriter.finish(stats, retrieve.touch());
    if (retrieve.tooLongKeyFollows()) {
      // memcached drops every other reply not yet sent too.
      dropUnflushedReplies(out);
      out.writeBytes(TextReplies.BAD_COMMAND_LINE_FORMAT);
    } else if (retrieve.last()) {
      out.writeBytes(TextReplies.END);
    }
  }

  private void store(TextRequest.Store store, ByteBuf out, long now) {
    ByteRange key = store.key();
    StoreResult result = engine.store(modeOf(store.command()), key.array(), key.offset(), key.length(), store.flags(),
        Expiry.fromExptime(store.exptime(), now), store.data(), store.casUnique(), false, item -> {});
    switch (result) {
      case TOO_LARGE -> refuseTooLarge(store.command(), key.copy(), store.noreply(), out);
      case NO_MEMORY -> {
        stats.storeNoMemory.increment();
        invalidateIfSet(store.command(), key.copy());
        reply(out, replyTo(result), store.noreply());
      }
      case STORED, EXISTS, NOT_FOUND, NOT_STORED -> {
        stats.cmdSet.increment();
        if (store.command() == StorageCommand.CAS) {
          stats.countCas(result);
        }
        reply(out, replyTo(result), store.noreply());
      }
    }
  }

  private static byte[] replyTo(StoreResult result) {
    return switch (result) {
      case STORED -> TextReplies.STORED;
      case EXISTS -> TextReplies.EXISTS;
      case NOT_FOUND -> TextReplies.NOT_FOUND;
      case NOT_STORED -> TextReplies.NOT_STORED;
      case TOO_LARGE -> TextReplies.OBJECT_TOO_LARGE;
      case NO_MEMORY -> TextReplies.OUT_OF_MEMORY_STORING;
    };
  }

  /**
   * memcached refuses a value that cannot fit before reading it, without counting a set, and for
   * {@code set} removes the old item so that a stale value does not outlive the failed overwrite.
   */
  private void refuseTooLarge(StorageCommand command, byte[] key, boolean noreply, ByteBuf out) {
    stats.storeTooLarge.increment();
    invalidateIfSet(command, key);
    reply(out, TextReplies.OBJECT_TOO_LARGE, noreply);
  }

  private void invalidateIfSet(StorageCommand command, byte[] key) {
    if (command == StorageCommand.SET) {
      engine.invalidate(key);
    }
  }

  private void delete(TextRequest.Delete delete, ByteBuf out) {
    ByteRange key = delete.key();
    if (engine.delete(key.array(), key.offset(), key.length(), 0) == ChangeResult.CHANGED) {
      stats.deleteHits.increment();
      reply(out, TextReplies.DELETED, delete.noreply());
    } else {
      stats.deleteMisses.increment();
      reply(out, TextReplies.NOT_FOUND, delete.noreply());
    }
  }

  private void incrDecr(TextRequest.IncrDecr request, ByteBuf out) {
    ByteRange key = request.key();
    Arithmetic.Status result = engine.applyDelta(key.array(), key.offset(), key.length(), request.increment(),
        request.delta(), 0, null, numberCatcher);
    stats.countArithmetic(request.increment(), result);
    switch (result) {
      case OK -> {
        if (!request.noreply()) {
          TextReplies.writeNumberLine(out, number);
        }
      }
      case NOT_FOUND -> {
        reply(out, TextReplies.NOT_FOUND, request.noreply());
      }
      case NON_NUMERIC -> reply(out, TextReplies.NON_NUMERIC_VALUE, request.noreply());
    }
  }

  private void touch(TextRequest.Touch touch, ByteBuf out, long now) {
    ByteRange key = touch.key();
    boolean touched = engine.touch(key.array(), key.offset(), key.length(), Expiry.fromExptime(touch.exptime(), now));
    stats.countTouches(1, touched ? 1 : 0, 0, 0);
    reply(out, touched ? TextReplies.TOUCHED : TextReplies.NOT_FOUND, touch.noreply());
  }

  /**
   * memcached reads a positive delay with the exptime rules (relative up to 30 days, else absolute);
   * zero and negative delays flush now.
   */
  private void flushAll(TextRequest.FlushAll flush, ByteBuf out, long now) {
    stats.cmdFlush.increment();
    engine.flushAll(flush.delay() > 0 ? Expiry.fromExptime(flush.delay(), now) : 0);
    reply(out, TextReplies.OK, flush.noreply());
  }

  private void cacheMemlimit(TextRequest.CacheMemlimit memlimit, ByteBuf out) {
    long megabytes = memlimit.megabytes();
    if (megabytes < MIN_MEMLIMIT_MEGABYTES) {
      reply(out, TextReplies.MEMLIMIT_TOO_SMALL, memlimit.noreply());
    } else if (megabytes > MAX_MEMLIMIT_MEGABYTES) {
      reply(out, TextReplies.MEMLIMIT_NOT_MEGABYTES, memlimit.noreply());
    } else {
      engine.setMemoryLimit(megabytes * 1024 * 1024);
      reply(out, TextReplies.OK, memlimit.noreply());
    }
  }

  /** memcached closes the connection without a reply, then stops. */
  private boolean shutdown(TextRequest.Shutdown shutdown, ByteBuf out) {
    if (!server.config().enableShutdown()) {
      out.writeBytes(TextReplies.SHUTDOWN_NOT_ENABLED);
      return true;
    }
    if (shutdown.mode() == TextRequest.ShutdownMode.INVALID) {
      out.writeBytes(TextReplies.INVALID_SHUTDOWN_MODE);
      return true;
    }
    dropUnflushedReplies(out);
    server.shutdown();
    return false;
  }

  /** memcached's {@code out_string}: nothing at all is sent for a noreply request. */
  private static void reply(ByteBuf out, byte[] line, boolean noreply) {
    if (!noreply) {
      out.writeBytes(line);
    }
  }

  /**
   * Drops what this request wrote so far and the replies memcached would still hold unsent; bytes
   * already gone from {@code out} (flushed) are out of reach and stay sent, as in memcached.
   */
  private void dropUnflushedReplies(ByteBuf out) {
    int earlier = (int) Math.min(unflushedReplyBytes, replyStart - out.readerIndex());
    replyStart -= earlier;
    out.writerIndex(replyStart);
    unflushedReplyBytes = 0;
  }

  private static StoreMode modeOf(StorageCommand command) {
    return switch (command) {
      case SET -> StoreMode.SET;
      case ADD -> StoreMode.ADD;
      case REPLACE -> StoreMode.REPLACE;
      case APPEND -> StoreMode.APPEND;
      case PREPEND -> StoreMode.PREPEND;
      case CAS -> StoreMode.CAS;
    };
  }

  /** Hands a retrieval's keys to the engine (ranges of the decoder's line) and writes its hits as VALUE lines. */
  private static final class ValueWriter extends MultiGetReplies {
    private final ReplyValues values;
    private RetrievalKeys keys;
    private boolean withCas;

    ValueWriter(ReplyValues values) {
      this.values = values;
    }

    void prepare(ByteBuf target, RetrievalKeys requestKeys, boolean returnCas) {
      begin(target);
      keys = requestKeys;
      withCas = returnCas;
    }

    @Override
    public int size() {
      return keys.size();
    }

    @Override
    public byte[] array(int index) {
      return keys.line();
    }

    @Override
    public int offset(int index) {
      return keys.offset(index);
    }

    @Override
    public int length(int index) {
      return keys.length(index);
    }

    @Override
    protected void write(ByteBuf target, int index, ItemView item) {
      TextReplies.writeValueLine(target, keys.line(), keys.offset(index), keys.length(index), item.flags(),
          item.value().remaining(), withCas, item.cas());
      values.write(target, item);
      TextReplies.writeLineEnd(target);
    }
  }
}
