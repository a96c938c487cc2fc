/**
 * Publishes the lifecycle events of {@link io.tidings.api} (connected, joined, left,
 * disconnected, message received) to the application's observers, so that a failing observer
 * never breaks a connection.
 */
package io.tidings.lifecycle;
