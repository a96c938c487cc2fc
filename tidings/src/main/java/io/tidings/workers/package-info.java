/**
 * The long-lived background tasks (history writer, heartbeat, stalled sends, SSE heartbeats,
 * metrics sampling, retention, room eviction): each is a {@link io.tidings.workers.Worker} that
 * survives the failure of one item and tells readiness whether it runs.
 */
package io.tidings.workers;
