/**
 * The WebSocket boundary: the handshake (who is connecting, from where) and the thin, stateless
 * endpoints that turn frames into calls on the registries and the dispatcher.
 */
package io.tidings.socket;
