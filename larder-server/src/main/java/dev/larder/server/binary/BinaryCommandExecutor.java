package dev.larder.server.binary;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.LarderVersion;
import dev.larder.protocol.binary.BinaryOpcodes;
import dev.larder.protocol.binary.BinaryReplies;
import dev.larder.protocol.binary.BinaryRequest;
import dev.larder.protocol.binary.BinaryRequest.Header;
import dev.larder.protocol.binary.BinaryStatus;
import dev.larder.server.ClientConnection;
import dev.larder.server.MultiGetReplies;
import dev.larder.server.ReplyValues;
import dev.larder.server.ServerContext;
import dev.larder.server.ServerStats;
import dev.larder.storage.Arithmetic;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.ChangeResult;
import dev.larder.storage.EditableItem;
import dev.larder.storage.Expiry;
import dev.larder.storage.InitialValue;
import dev.larder.storage.ItemEditor;
import dev.larder.storage.ItemView;
import dev.larder.storage.ItemVisitor;
import dev.larder.storage.Lookup;
import dev.larder.storage.StoreMode;
import dev.larder.storage.StoreResult;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Carries out the binary protocol requests of one connection on the engine and writes memcached
 * 1.6.18's response packets, updating the server's counters as memcached does (proto_bin.c). Quiet
 * commands send nothing on success and gets nothing on a miss; errors are always sent.
 *
 * <p>Not thread-safe: one instance per connection, called on the connection's event loop.
 */
public final class BinaryCommandExecutor {
  /** memcached's text for a store it has no memory for; the binary protocol drops "SERVER_ERROR ". */
  private static final byte[] OUT_OF_MEMORY_STORING =
      "Out of memory allocating item".getBytes(StandardCharsets.US_ASCII);
  /** What {@code stats conns} shows for a connection while it runs a command, and between commands. */
  private static final String STATE_RUNNING = "conn_parse_cmd";
  private static final String STATE_WAITING = "conn_read";

  private final ServerContext server;
  private final ClientConnection connection;
  private final CacheEngine engine;
  private final ServerStats stats;
  private final BinaryStats statsReport;
  private final ItemWriter itemWriter;
  private final GetsWriter getsWriter;
  private final CasCatcher casCatcher = new CasCatcher();
  private final InitialValue initial = new InitialValue();

  /** {@code values} puts the values of hits into responses. */
  public BinaryCommandExecutor(ServerContext server, ClientConnection connection, ReplyValues values) {
    this.server = server;
    this.connection = connection;
    this.engine = server.engine();
    this.stats = server.stats();
    this.statsReport = new BinaryStats(server);
    this.itemWriter = new ItemWriter(values);
    this.getsWriter = new GetsWriter(values);
  }

  /** Writes the response to {@code request} into {@code out}; returns false when the connection must then close. */
  public boolean execute(BinaryRequest request, ByteBuf out) {
    long now = server.clock().millis();
    connection.commandRead(now, STATE_RUNNING);
    boolean keepOpen = dispatch(request, out, now);
    connection.commandRead(now, STATE_WAITING);
    return keepOpen;
  }

  private boolean dispatch(BinaryRequest request, ByteBuf out, long now) {
    if (request instanceof BinaryRequest.Gets gets) {
      gets(gets, out);
    } else if (request instanceof BinaryRequest.Get get) {
      get(get, out);
    } else if (request instanceof BinaryRequest.Touch touch) {
      touch(touch, out, now);
    } else if (request instanceof BinaryRequest.Store store) {
      store(store, out, now);
    } else if (request instanceof BinaryRequest.AppendPrepend join) {
      appendPrepend(join, out);
    } else if (request instanceof BinaryRequest.ValueTooLarge tooLarge) {
      // memcached refuses before reading the value, without counting a set; set drops the old item.
      if (BinaryOpcodes.plain(tooLarge.header().opcode()) == BinaryOpcodes.SET) {
        engine.invalidate(tooLarge.key());
      }
      BinaryReplies.writeError(out, tooLarge.header(), BinaryStatus.TOO_LARGE);
    } else if (request instanceof BinaryRequest.Delete delete) {
      delete(delete, out);
    } else if (request instanceof BinaryRequest.Arithmetic arithmetic) {
      arithmetic(arithmetic, out, now);
    } else if (request instanceof BinaryRequest.Flush flush) {
      stats.cmdFlush.increment();
      engine.flushAll(flush.delay() > 0 ? Expiry.fromExptime(flush.delay(), now) : 0);
      succeed(out, flush.header(), 0);
    } else if (request instanceof BinaryRequest.Noop noop) {
      BinaryReplies.writeSuccess(out, noop.header(), 0);
    } else if (request instanceof BinaryRequest.Version version) {
      BinaryReplies.writeText(out, version.header(), LarderVersion.VERSION);
    } else if (request instanceof BinaryRequest.Stat stat) {
      statsReport.write(stat, out, now);
    } else if (request instanceof BinaryRequest.Quit quit) {
      succeed(out, quit.header(), 0);
      return false;
    } else if (request instanceof BinaryRequest.Refused refused) {
      BinaryReplies.writeError(out, refused.header(), refused.status());
      return !refused.close();
    } else if (request instanceof BinaryRequest.Close) {
      return false;
    } else {
      throw new IllegalArgumentException("unknown binary request: " + request);
    }
    return true;
  }

  /** get, getq, getk, getkq: a hit is always answered, a miss only by the loud ones. */
  private void get(BinaryRequest.Get get, ByteBuf out) {
    ByteRange key = get.key();
    ItemWriter writer = itemWriter.prepare(out, get.header(), get.returnKey() ? key : null, true);
    Lookup lookup = engine.get(key.array(), key.offset(), key.length(), writer);
    stats.countGet(lookup);
    if (!lookup.hit()) {
      writeMiss(out, get.header(), key, get.returnKey());
    }
  }

  /** Consecutive gets, looked up in one pass as a text multi-get is, answered in order as each alone is. */
  private void gets(BinaryRequest.Gets gets, ByteBuf out) {
    getsWriter.prepare(out, gets);
    engine.getAll(getsWriter, false, 0, getsWriter);
    getsWriter.finish(stats, false);
  }

  /** touch, gat, gatq, gatk, gatkq: counted as touches. */
  private void touch(BinaryRequest.Touch touch, ByteBuf out, long now) {
    ByteRange key = touch.key();
    ItemWriter writer = itemWriter.prepare(out, touch.header(), touch.returnKey() ? key : null, touch.returnValue());
    Lookup lookup = engine.getAndTouch(key.array(), key.offset(), key.length(),
        Expiry.fromExptime(touch.exptime(), now), writer);
    stats.countTouch(lookup);
    if (!lookup.hit()) {
      writeMiss(out, touch.header(), key, touch.returnKey());
    }
  }

  private static void writeMiss(ByteBuf out, Header header, ByteRange key, boolean returnKey) {
    if (header.quiet()) {
      return;
    }
    if (returnKey) {
      BinaryReplies.writeKeyMiss(out, header, key);
    } else {
      BinaryReplies.writeError(out, header, BinaryStatus.KEY_NOT_FOUND);
    }
  }

  /** set, add, replace; any of them with a CAS unique is a cas, as in memcached. */
  private void store(BinaryRequest.Store store, ByteBuf out, long now) {
    Header header = store.header();
    StoreMode mode = header.cas() != 0 ? StoreMode.CAS : switch (store.kind()) {
      case SET -> StoreMode.SET;
      case ADD -> StoreMode.ADD;
      case REPLACE -> StoreMode.REPLACE;
    };
    ByteRange key = store.key();
    StoreResult result = engine.store(mode, key.array(), key.offset(), key.length(), store.flags(),
        Expiry.fromExptime(store.exptime(), now), store.value(), header.cas(), false, casCatcher.reset());
    if (result == StoreResult.TOO_LARGE || result == StoreResult.NO_MEMORY) {
      if (store.kind() == BinaryRequest.StoreKind.SET) {
        engine.invalidate(key.copy());
      }
      if (result == StoreResult.TOO_LARGE) {
        BinaryReplies.writeError(out, header, BinaryStatus.TOO_LARGE);
      } else {
        stats.storeNoMemory.increment();
        BinaryReplies.writeError(out, header, BinaryStatus.OUT_OF_MEMORY, OUT_OF_MEMORY_STORING);
      }
      return;
    }
    stats.cmdSet.increment();
    if (mode == StoreMode.CAS) {
      stats.countCas(result);
    }
    switch (result) {
      case STORED -> succeed(out, header, casCatcher.cas);
      case EXISTS -> BinaryReplies.writeError(out, header, BinaryStatus.KEY_EXISTS);
      case NOT_FOUND -> BinaryReplies.writeError(out, header, BinaryStatus.KEY_NOT_FOUND);
      default -> BinaryReplies.writeError(out, header, switch (store.kind()) {
        case ADD -> BinaryStatus.KEY_EXISTS;
        case REPLACE -> BinaryStatus.KEY_NOT_FOUND;
        case SET -> BinaryStatus.NOT_STORED;
      });
    }
  }

  /** append, prepend: a result too large to store is "not stored", as in memcached. */
  private void appendPrepend(BinaryRequest.AppendPrepend join, ByteBuf out) {
    Header header = join.header();
    ByteRange key = join.key();
    StoreResult result = engine.store(join.append() ? StoreMode.APPEND : StoreMode.PREPEND, key.array(), key.offset(),
        key.length(), 0, 0, join.value(), header.cas(), false, casCatcher.reset());
    stats.cmdSet.increment();
    switch (result) {
      case STORED -> succeed(out, header, casCatcher.cas);
      case EXISTS -> BinaryReplies.writeError(out, header, BinaryStatus.KEY_EXISTS);
      default -> BinaryReplies.writeError(out, header, BinaryStatus.NOT_STORED);
    }
  }

  private void delete(BinaryRequest.Delete delete, ByteBuf out) {
    Header header = delete.header();
    ByteRange key = delete.key();
    ChangeResult result = engine.delete(key.array(), key.offset(), key.length(), header.cas());
    switch (result) {
      case CHANGED -> {
        stats.deleteHits.increment();
        succeed(out, header, 0);
      }
      case EXISTS -> BinaryReplies.writeError(out, header, BinaryStatus.KEY_EXISTS);
      case NOT_FOUND -> {
        stats.deleteMisses.increment();
        BinaryReplies.writeError(out, header, BinaryStatus.KEY_NOT_FOUND);
      }
    }
  }

  /** incr, decr: an expiration other than {@link BinaryRequest.Arithmetic#DO_NOT_CREATE} creates a missing number. */
  private void arithmetic(BinaryRequest.Arithmetic request, ByteBuf out, long now) {
    Header header = request.header();
    InitialValue onMiss = request.expiration() == BinaryRequest.Arithmetic.DO_NOT_CREATE
        ? null
        : initial.set(request.initial(), Expiry.fromExptime(request.expiration(), now));
    casCatcher.reset();
    ByteRange key = request.key();
    Arithmetic.Status result = engine.applyDelta(key.array(), key.offset(), key.length(), request.increment(),
        request.delta(), header.cas(), onMiss, casCatcher);
    stats.countArithmetic(request.increment(), result);
    switch (result) {
      case OK, CREATED -> {
        if (!header.quiet()) {
          BinaryReplies.writeNumber(out, header, casCatcher.cas, casCatcher.number);
        }
      }
      case NOT_FOUND -> {
        BinaryReplies.writeError(out, header, BinaryStatus.KEY_NOT_FOUND);
      }
      case NON_NUMERIC -> BinaryReplies.writeError(out, header, BinaryStatus.NON_NUMERIC);
      case EXISTS -> BinaryReplies.writeError(out, header, BinaryStatus.KEY_EXISTS);
    }
  }

  /** Success, unless the command is quiet. */
  private static void succeed(ByteBuf out, Header header, long cas) {
    if (!header.quiet()) {
      BinaryReplies.writeSuccess(out, header, cas);
    }
  }

  /** Writes a hit's response packet; one instance is reused so that a lookup allocates nothing. */
  private static final class ItemWriter implements ItemVisitor {
    private final ReplyValues values;
    private ByteBuf out;
    private Header header;
    private ByteRange key;
    private boolean withValue;

    ItemWriter(ReplyValues values) {
      this.values = values;
    }

    /** For a hit to be answered with {@code returnedKey}, or with no key when it is null. */
    ItemWriter prepare(ByteBuf target, Header request, ByteRange returnedKey, boolean returnValue) {
      out = target;
      header = request;
      key = returnedKey;
      withValue = returnValue;
      return this;
    }

    @Override
    public void visit(ItemView item) {
      BinaryReplies.writeItem(out, header, item.cas(), item.flags(), key, withValue ? item.value().remaining() : 0);
      if (withValue) {
        values.write(out, item);
      }
    }
  }

  /** Hands consecutive gets' keys to the engine and writes each one's response. */
  private static final class GetsWriter extends MultiGetReplies {
    private final ByteRange key = new ByteRange();
    private final ReplyValues values;
    private BinaryRequest.Gets gets;

    GetsWriter(ReplyValues values) {
      this.values = values;
    }

    void prepare(ByteBuf target, BinaryRequest.Gets requests) {
      begin(target);
      gets = requests;
    }

    @Override
    public int size() {
      return gets.size();
    }

    @Override
    public byte[] array(int index) {
      return gets.keys();
    }

    @Override
    public int offset(int index) {
      return gets.keyOffset(index);
    }

    @Override
    public int length(int index) {
      return gets.keyLength(index);
    }

    @Override
    protected void write(ByteBuf target, int index, ItemView item) {
      BinaryReplies.writeItem(target, gets.header(index), item.cas(), item.flags(), returnedKey(index),
          item.value().remaining());
      values.write(target, item);
    }

    @Override
    protected void writeMiss(ByteBuf target, int index) {
      BinaryCommandExecutor.writeMiss(target, gets.header(index), key(index), gets.returnKey(index));
    }

    private ByteRange returnedKey(int index) {
      return gets.returnKey(index) ? key(index) : null;
    }

    private ByteRange key(int index) {
      key.set(gets.keys(), gets.keyOffset(index), gets.keyLength(index));
      return key;
    }
  }

  /** Catches the CAS unique of the item a store or incr/decr left, and incr/decr's number. */
  private static final class CasCatcher implements ItemVisitor, ItemEditor {
    long cas;
    long number;

    CasCatcher reset() {
      cas = 0;
      return this;
    }

    @Override
    public void visit(ItemView item) {
      cas = item.cas();
    }

    @Override
    public void edit(EditableItem item, boolean created) {
      cas = item.cas();
      number = Arithmetic.numberIn(item);
    }
  }
}
