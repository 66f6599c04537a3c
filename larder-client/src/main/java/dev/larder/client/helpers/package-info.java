/**
 * The tutorial's helpers, built over any {@link dev.larder.client.LarderClient} without touching its
 * connections.
 *
 * <ul>
 *   <li>Decorators, each a {@link dev.larder.client.ForwardingLarderClient} that changes a few
 *       commands: {@link dev.larder.client.helpers.FallbackClient} (write to a new cache, read
 *       through to older ones while it warms up), {@link dev.larder.client.helpers.RetryingClient}
 *       (retry failed commands), {@link dev.larder.client.helpers.IgnoreReadErrorsClient} (a failed
 *       read is a miss). They stack: {@code new FallbackClient<>(List.of(newCache, new
 *       IgnoreReadErrorsClient<>(oldCache)))}.
 *   <li>Recipes over a client: {@link dev.larder.client.helpers.CasUpdater} (read, change and
 *       check-and-set until no one else wrote in between) and {@link
 *       dev.larder.client.helpers.CacheAside} (read, or load once per key however many callers wait,
 *       and store).
 * </ul>
 */
package dev.larder.client.helpers;
