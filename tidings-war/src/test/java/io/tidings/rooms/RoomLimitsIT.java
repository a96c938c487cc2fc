package io.tidings.rooms;

import io.tidings.config.Setting;
import io.tidings.support.Deployments;
import io.tidings.support.Frames;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs inside the container so it can lower room limits (system properties, read when they are
 * needed) instead of sending a thousand messages or opening hundreds of sockets.
 */
@ExtendWith(ArquillianExtension.class)
class RoomLimitsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestSupport(RoomLimitsIT.class, Frames.class);
    }

    @AfterEach
    void restoreTheDefault() {
        System.clearProperty(Setting.ROOMS_RECOVERY_LIMIT.key());
        System.clearProperty(Setting.ROOMS_HISTORY_ON_JOIN.key());
        System.clearProperty(Setting.ROOMS_PRESENCE_LIMIT.key());
        System.clearProperty(Setting.ROOMS_MEMBERS_ON_JOIN.key());
    }

    @Test
    void bigRoomsListSomeMembersWithTheCountAndSendNoPresence() {
        System.setProperty(Setting.ROOMS_PRESENCE_LIMIT.key(), "2");
        System.setProperty(Setting.ROOMS_MEMBERS_ON_JOIN.key(), "2");
        String room = Frames.uniqueRoom("big");
        try (TestClient ada = TestClient.connect(Server.ws("ws?name=ada"));
             TestClient bob = TestClient.connect(Server.ws("ws?name=bob"));
             TestClient cy = TestClient.connect(Server.ws("ws?name=cy"))) {
            Frames.joinRoom(ada, room);
            Frames.joinRoom(bob, room);
            ada.expect(f -> "presence".equals(f.getString("type")), "bob's join while the room is small");
            JsonObject joined = Frames.joinRoom(cy, room).getJsonObject("data");
            assertEquals(3, joined.getInt("memberCount"));
            assertEquals(2, joined.getJsonArray("members").size());
            ada.expectNone(f -> "presence".equals(f.getString("type")), java.time.Duration.ofSeconds(1));
        }
    }

    @Test
    void recoveryBeyondWhatIsKeptSaysIncompleteAndReturnsTheLatestMessages() {
        System.setProperty(Setting.ROOMS_RECOVERY_LIMIT.key(), "10");
        System.setProperty(Setting.ROOMS_HISTORY_ON_JOIN.key(), "3");
        String room = Frames.uniqueRoom("gap");
        try (TestClient ada = TestClient.connect(Server.ws("ws?name=ada"))) {
            Frames.joinRoom(ada, room);
            for (int i = 1; i <= 15; i++) {
                assertEquals("ack", Frames.say(ada, room, "m" + i).getString("type"));
            }
            try (TestClient bob = TestClient.connect(Server.ws("ws?name=bob"))) {
                bob.send(Frames.joinSince(room, 2, "back"));
                JsonObject data = bob.expect("joined").getJsonObject("data");
                assertFalse(data.getBoolean("recovered"), "13 missed messages exceed the limit of 10");
                assertEquals(List.of("m13", "m14", "m15"), data.getJsonArray("messages").getValuesAs(JsonObject.class)
                        .stream().map(Frames::textOf).toList());
            }
        }
    }
}
