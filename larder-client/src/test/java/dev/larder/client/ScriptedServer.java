package dev.larder.client;

import dev.larder.client.routing.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A loopback server that records every command line it reads and answers each with whatever its
 * script says, byte for byte: for checking what the client puts on the wire and how it copes with a
 * server that breaks the protocol.
 */
final class ScriptedServer implements AutoCloseable {
  private final ServerSocket listener;
  private final Function<String, String> script;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  /** @param script the reply bytes (ISO-8859-1) to each command line, given without its line end */
  ScriptedServer(Function<String, String> script) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.script = script;
    Thread acceptor = new Thread(this::acceptConnections, "scripted-server-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Node node() {
    return Node.of("127.0.0.1", listener.getLocalPort());
  }

  /** The command lines read so far, in order; removes them. */
  List<String> takeLines() {
    List<String> taken = new ArrayList<>();
    lines.drainTo(taken);
    return taken;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }

  private void acceptConnections() {
    try {
      while (true) {
        Socket connection = listener.accept();
        connections.add(connection);
        Thread reader = new Thread(() -> serve(connection), "scripted-connection");
        reader.setDaemon(true);
        reader.start();
      }
    } catch (IOException closed) {
      // The test is over.
    }
  }

  private void serve(Socket connection) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1))) {
      OutputStream out = connection.getOutputStream();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        out.write(script.apply(line).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException closed) {
      // The client or the test closed the connection.
    }
  }
}
