/**
 * Notifications: the durable inbox of each user (stored, delivered to every socket, replayed on
 * connect until the client confirms it, read state synchronised across the user's devices),
 * transaction-aware delivery of the {@link io.tidings.api.Notification} events application code
 * fires, and retention.
 */
package io.tidings.notifications;
