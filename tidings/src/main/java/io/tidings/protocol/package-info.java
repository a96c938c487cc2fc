/**
 * The wire protocol: one envelope for every frame, its JSON-B encoder and decoder, and the
 * error codes a client can rely on. See {@code docs/protocol.md} for every frame type.
 */
package io.tidings.protocol;
