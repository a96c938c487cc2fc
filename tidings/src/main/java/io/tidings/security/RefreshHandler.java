package io.tidings.security;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.CloseCodes;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;

/**
 * {@code auth.refresh} with {@code data.token}: replaces the connection's token before it expires.
 * The new token must be valid and name the same user; the reply is an {@code ack} with the new expiry.
 */
@ApplicationScoped
@FrameType("auth.refresh")
class RefreshHandler implements FrameHandler {

    @Inject
    Tokens tokens;

    @Override
    public void handle(Connection connection, Envelope frame) {
        Identity current = FrameGate.identity(connection);
        if (current == null || current.mode() != AuthMode.JWT) {
            throw new FrameException(ErrorCode.FORBIDDEN, "auth.refresh is for connections opened with a token");
        }
        String token = frame.dataObject().getString("token", "");
        if (token.isBlank()) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "auth.refresh needs data.token, a JWT");
        }
        Identity newer;
        try {
            newer = tokens.verify(token);
        } catch (Refusal refusal) {
            // A token that is present but not valid ends the connection, as it would refuse the handshake.
            connection.send(Frames.error(ErrorCode.INVALID_TOKEN, refusal.getMessage(), frame.ref()));
            connection.close(CloseCodes.UNAUTHENTICATED, "invalid token in auth.refresh");
            return;
        }
        if (!newer.user().equals(current.user())) {
            throw new FrameException(ErrorCode.FORBIDDEN, "the new token is for another user; reconnect to switch users");
        }
        connection.set(Identity.ATTRIBUTE, current.refreshed(newer));
        connection.send(Frames.ack(frame.ref(), Json.createObjectBuilder()
                .add("expiresAt", newer.expiresAt().toString()).build()));
    }
}
