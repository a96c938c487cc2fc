/**
 * Open connections: the registry of every live WebSocket (id to connection) and each
 * connection's bounded, serialised outbound path.
 */
package io.tidings.connections;
