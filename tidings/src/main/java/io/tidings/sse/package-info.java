/**
 * Server-Sent Events, the fallback transport for clients that cannot keep a WebSocket: a room's
 * stream and a user's stream. A stream is a room member / user recipient like a socket, with its
 * own bounded, non-blocking outbound queue; {@code Last-Event-ID} is the room sequence number, so
 * a reconnecting stream resumes exactly like a WebSocket {@code join} with {@code since}.
 */
package io.tidings.sse;
