/**
 * The wire protocol: one envelope for every frame, its encoder (JSON-B, one shared {@code Jsonb})
 * and decoder (JSON-P, after {@link io.tidings.protocol.JsonGuard} checked the text), and the error
 * and close codes a client can rely on. Endpoints send text the encoder made once per frame, so
 * they declare no encoder of their own. See {@code docs/protocol.md} for every frame type.
 */
package io.tidings.protocol;
