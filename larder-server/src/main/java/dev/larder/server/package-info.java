/**
 * The Netty side of the server: {@link dev.larder.server.LarderServer} binds and runs the event loops,
 * each connection passes admission ({@code -c}) and idle checks, and {@code TextProtocolHandler}
 * feeds its bytes through the text codec into {@link dev.larder.server.text.TextCommandExecutor}.
 * State all connections share lives in {@link dev.larder.server.ServerContext}.
 */
package dev.larder.server;
