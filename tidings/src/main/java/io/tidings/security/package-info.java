/**
 * Security and limits: who may connect (authentication modes, origin allowlist, connection
 * limits, all decided before the WebSocket upgrade), what a connection may do once open (rate
 * limit, token expiry and refresh) and whether its peer is still alive (heartbeat, idle timeout).
 */
package io.tidings.security;
