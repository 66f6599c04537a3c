/**
 * The Netty side of the server: {@link dev.larder.server.LarderServer} binds and runs the event loops,
 * each connection passes admission ({@code -c}) and idle checks, its first byte picks the text or the
 * binary protocol ({@code ProtocolDetector}), and {@code ProtocolHandler} feeds its bytes through
 * that protocol's codec into {@link dev.larder.server.text.TextCommandExecutor} (which hands meta
 * commands to {@link dev.larder.server.meta.MetaCommandExecutor}) or {@link
 * dev.larder.server.binary.BinaryCommandExecutor}.
 * State all connections share lives in {@link dev.larder.server.ServerContext}.
 */
package dev.larder.server;
