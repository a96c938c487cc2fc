package io.tidings.rooms;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.broker.Broker;
import io.tidings.protocol.Envelope;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;

/**
 * Presence frames: a user joined a room (first socket), left it (last socket) or renamed.
 * They are ephemeral: the first frames dropped for a connection that falls behind.
 */
@ApplicationScoped
class Presence {

    @Inject
    Broker broker;

    @Inject
    UserRegistry users;

    @Inject
    Settings settings;

    void joined(Room room, String user, String excludedConnectionId) {
        if (small(room)) {
            send(room.name(), "join", user, excludedConnectionId);
        }
    }

    void left(Room room, String user) {
        if (small(room)) {
            send(room.name(), "leave", user, null);
        }
    }

    /** Every join in a room of n members costs n presence frames; above the limit they are not sent. */
    private boolean small(Room room) {
        return room.size() <= settings.integer(Setting.ROOMS_PRESENCE_LIMIT);
    }

    void renamed(String room, String user) {
        send(room, "rename", user, null);
    }

    private void send(String room, String event, String user, String excludedConnectionId) {
        var data = Json.createObjectBuilder().add("event", event).add("user", user).add("name", users.nameOf(user)).build();
        broker.toRoom(room, Envelope.of("presence", data).withRoom(room), true, excludedConnectionId);
    }
}
