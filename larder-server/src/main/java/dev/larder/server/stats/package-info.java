/**
 * What {@code stats} reports, apart from how each protocol writes it: {@link
 * dev.larder.server.stats.StatsReport} gathers the figures and hands them to a {@link
 * dev.larder.server.stats.StatSink}.
 */
package dev.larder.server.stats;
