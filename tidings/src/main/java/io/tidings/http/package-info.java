/**
 * The HTTP API under {@code /api}: JAX-RS resources that operate Tidings from outside (rooms,
 * messages, broadcasts, notifications, connections, readiness). They stay thin: every rule lives
 * in the same beans the WebSocket path uses. Errors are always {@code {"code","message"}}.
 */
package io.tidings.http;
