package io.tidings.rooms;

import io.tidings.support.Deployments;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tidings.support.Frames.joinRoom;
import static io.tidings.support.Frames.message;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.textOf;
import static io.tidings.support.Frames.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomsIT {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static TestClient user(String name) {
        return TestClient.connect(Server.ws("ws?name=" + name));
    }

    private static boolean isMessage(JsonObject frame, String text) {
        return "message".equals(frame.getString("type")) && text.equals(textOf(frame));
    }

    @Test
    void roomMessageReachesEveryMemberWithIdSenderSequenceAndTimeAndNobodyOutside() {
        String room = uniqueRoom("team");
        try (TestClient ada = user("ada"); TestClient bob = user("bob"); TestClient eve = user("eve")) {
            joinRoom(ada, room);
            joinRoom(bob, room);
            joinRoom(eve, uniqueRoom("elsewhere"));

            JsonObject ack = say(ada, room, "hello team");
            assertEquals("ack", ack.getString("type"), ack.toString());
            for (TestClient member : List.of(ada, bob)) {
                JsonObject received = member.expect(f -> isMessage(f, "hello team"), "the message");
                assertEquals(room, received.getString("room"));
                assertEquals("ada", received.getString("from"));
                assertEquals(ack.getString("id"), received.getString("id"));
                assertEquals(ack.getJsonNumber("seq").longValue(), received.getJsonNumber("seq").longValue());
                assertNotNull(received.getString("ts"));
            }
            eve.expectNone(f -> "message".equals(f.getString("type")), QUIET);
        }
    }

    @Test
    void ackCarriesTheRefAndComesOnlyAfterTheMessageIsStored() {
        String room = uniqueRoom("acks");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            JsonObject first = say(ada, room, "one");
            JsonObject second = say(ada, room, "two");
            assertEquals("ack", first.getString("type"));
            assertTrue(first.getString("ref").startsWith("m-"));
            assertEquals(first.getJsonNumber("seq").longValue() + 1, second.getJsonNumber("seq").longValue());
        }
        try (TestClient later = user("later")) {
            JsonObject joined = joinRoom(later, room);
            List<String> texts = joined.getJsonObject("data").getJsonArray("messages").getValuesAs(JsonObject.class)
                    .stream().map(m -> textOf(m)).toList();
            assertEquals(List.of("one", "two"), texts, "acknowledged messages are in the history");
        }
    }

    /** A message's data is opaque: what the sender wrote is what members, late joiners and the HTTP API get. */
    @Test
    void aMessagesDataIsPassedOnAsTheTextTheSenderWrote() {
        String room = uniqueRoom("verbatim");
        String data = "{ \"text\" : \"as written\",  \"n\":1.50, \"e\":1E2, \"list\":[ ] }";
        try (TestClient ada = user("ada"); TestClient bob = user("bob")) {
            joinRoom(ada, room);
            joinRoom(bob, room);
            bob.keepTexts();
            ada.send("{\"type\":\"message\",\"room\":\"" + room + "\",\"ref\":\"v1\",\"data\":" + data + "}");
            assertEquals("ack", ada.expect(f -> "v1".equals(f.getString("ref", null)), "ack").getString("type"));
            bob.expect(f -> isMessage(f, "as written"), "the message at bob");
            assertTrue(bob.texts().stream().anyMatch(t -> t.startsWith("{\"type\":\"message\"") && t.endsWith(",\"data\":" + data + "}")),
                    "bob got the data as ada wrote it: " + bob.texts());
        }
        try (TestClient later = user("later")) {
            joinRoom(later.keepTexts(), room);
            assertTrue(later.texts().stream().anyMatch(t -> t.startsWith("{\"type\":\"joined\"") && t.contains(",\"data\":" + data + "}")),
                    "the history in joined carries it as written: " + later.texts());
        }
        String stored = io.tidings.support.Http.get("rooms/" + room + "/messages?name=ada").body();
        assertTrue(stored.contains(",\"data\":" + data + "}"), "the HTTP API gives it as written: " + stored);
    }

    @Test
    void senderCanAskNotToReceiveItsOwnMessage() {
        String room = uniqueRoom("quiet");
        try (TestClient ada = user("ada"); TestClient bob = user("bob")) {
            joinRoom(ada, room);
            joinRoom(bob, room);
            ada.send("{\"type\":\"message\",\"room\":\"" + room + "\",\"ref\":\"q1\",\"echo\":false,\"data\":{\"text\":\"psst\"}}");
            assertEquals("ack", ada.expect(f -> "q1".equals(f.getString("ref", null)), "ack").getString("type"));
            bob.expect(f -> isMessage(f, "psst"), "the message at bob");
            ada.expectNone(f -> "message".equals(f.getString("type")), QUIET);
        }
    }

    @Test
    void presenceCountsAUserWithTwoTabsOnce() {
        String room = uniqueRoom("presence");
        try (TestClient watcher = user("watcher"); TestClient tab1 = user("carol"); TestClient tab2 = user("carol")) {
            joinRoom(watcher, room);
            JsonObject joined = joinRoom(tab1, room);
            assertEquals(Set.of("watcher", "carol"), members(joined));
            watcher.expect(f -> isPresence(f, "join", "carol"), "carol's join");

            joinRoom(tab2, room);
            tab2.close();
            watcher.expectNone(f -> "presence".equals(f.getString("type")), QUIET);

            tab1.send("{\"type\":\"leave\",\"room\":\"" + room + "\",\"ref\":\"bye\"}");
            assertEquals("ack", tab1.expect(f -> "bye".equals(f.getString("ref", null)), "leave ack").getString("type"));
            watcher.expect(f -> isPresence(f, "leave", "carol"), "carol's leave");
        }
    }

    @Test
    void closingAConnectionLeavesAllItsRooms() {
        String first = uniqueRoom("a");
        String second = uniqueRoom("b");
        try (TestClient watcher = user("watcher"); TestClient dave = user("dave")) {
            joinRoom(watcher, first);
            joinRoom(watcher, second);
            joinRoom(dave, first);
            joinRoom(dave, second);
            dave.close();
            Set<String> left = new java.util.HashSet<>();
            left.add(watcher.expect(f -> isPresence(f, "leave", "dave"), "leave").getString("room"));
            left.add(watcher.expect(f -> isPresence(f, "leave", "dave"), "leave").getString("room"));
            assertEquals(Set.of(first, second), left);
        }
    }

    @Test
    void renameIsAnnouncedToTheRoomsOfTheUser() {
        String room = uniqueRoom("names");
        try (TestClient watcher = user("watcher"); TestClient erin = user("erin")) {
            joinRoom(watcher, room);
            joinRoom(erin, room);
            erin.send("{\"type\":\"rename\",\"ref\":\"n1\",\"data\":{\"name\":\"Erin S.\"}}");
            assertEquals("ack", erin.expect(f -> "n1".equals(f.getString("ref", null)), "ack").getString("type"));
            JsonObject presence = watcher.expect(f -> isPresence(f, "rename", "erin"), "rename");
            assertEquals("Erin S.", presence.getJsonObject("data").getString("name"));
        }
    }

    @Test
    void typingIsRelayedToTheOtherMembersAndNeverStored() {
        String room = uniqueRoom("typing");
        try (TestClient ada = user("ada"); TestClient bob = user("bob")) {
            joinRoom(ada, room);
            joinRoom(bob, room);
            ada.send("{\"type\":\"typing\",\"room\":\"" + room + "\",\"data\":{\"typing\":true}}");
            JsonObject typing = bob.expect("typing");
            assertEquals("ada", typing.getString("from"));
            assertTrue(typing.getJsonObject("data").getBoolean("typing"));
            assertFalse(typing.containsKey("seq"));
            ada.expectNone(f -> "typing".equals(f.getString("type")), QUIET);
        }
        try (TestClient later = user("later")) {
            JsonObject joined = joinRoom(later, room);
            assertTrue(joined.getJsonObject("data").getJsonArray("messages").isEmpty(), "typing is not history");
            assertEquals(0, joined.getJsonNumber("seq").longValue());
        }
    }

    @Test
    void joinReturnsTheLatestHistoryWithTheMembers() {
        String room = uniqueRoom("history");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            for (int i = 1; i <= 5; i++) {
                say(ada, room, "h" + i);
            }
            try (TestClient bob = user("bob")) {
                JsonObject joined = joinRoom(bob, room);
                JsonObject data = joined.getJsonObject("data");
                assertEquals(List.of("h1", "h2", "h3", "h4", "h5"), texts(data));
                assertEquals(5, joined.getJsonNumber("seq").longValue());
                assertEquals(Set.of("ada", "bob"), members(joined));
                assertFalse(data.containsKey("recovered"), "recovered is only reported when recovering");
            }
        }
    }

    @Test
    void reconnectWithTheLastSequenceRecoversExactlyTheMissedMessagesInOrder() {
        String room = uniqueRoom("recover");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            long lastSeen;
            try (TestClient bob = user("bob")) {
                joinRoom(bob, room);
                say(ada, room, "before");
                lastSeen = bob.expect(f -> isMessage(f, "before"), "before").getJsonNumber("seq").longValue();
            }
            for (int i = 1; i <= 20; i++) {
                assertEquals("ack", say(ada, room, "missed " + i).getString("type"));
            }
            try (TestClient bob = user("bob")) {
                bob.send(io.tidings.support.Frames.joinSince(room, lastSeen, "rejoin"));
                JsonObject joined = bob.expect("joined");
                JsonObject data = joined.getJsonObject("data");
                assertTrue(data.getBoolean("recovered"));
                List<JsonObject> missed = data.getJsonArray("messages").getValuesAs(JsonObject.class);
                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= 20; i++) {
                    expected.add("missed " + i);
                }
                assertEquals(expected, missed.stream().map(m -> textOf(m)).toList());
                for (int i = 0; i < missed.size(); i++) {
                    assertEquals(lastSeen + 1 + i, missed.get(i).getJsonNumber("seq").longValue());
                }
                say(ada, room, "after");
                JsonObject next = bob.expect("message");
                assertEquals("after", textOf(next), "no duplicate of a recovered message arrives live");
                assertEquals(lastSeen + 21, next.getJsonNumber("seq").longValue());
            }
        }
    }

    @Test
    void recoveryFromASequenceTheRoomNeverReachedSaysIncomplete() {
        String room = uniqueRoom("future");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            say(ada, room, "only");
            ada.send(io.tidings.support.Frames.joinSince(room, 999, "again"));
            JsonObject joined = ada.expect("joined");
            assertFalse(joined.getJsonObject("data").getBoolean("recovered"));
            assertEquals(List.of("only"), texts(joined.getJsonObject("data")));
        }
    }

    @Test
    void binaryFrameIsRelayedToTheOtherMembersWithRoomAndSender() {
        String room = uniqueRoom("images");
        try (TestClient ada = user("ada"); TestClient bob = user("bob")) {
            joinRoom(ada, room);
            joinRoom(bob, room);
            byte[] image = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
            byte[] roomBytes = room.getBytes(StandardCharsets.UTF_8);
            ada.sendBinary(ByteBuffer.allocate(1 + roomBytes.length + image.length)
                    .put((byte) roomBytes.length).put(roomBytes).put(image).flip());
            ByteBuffer received = bob.nextBinary();
            byte[] gotRoom = new byte[Byte.toUnsignedInt(received.get())];
            received.get(gotRoom);
            byte[] sender = new byte[Byte.toUnsignedInt(received.get())];
            received.get(sender);
            byte[] payload = new byte[received.remaining()];
            received.get(payload);
            assertEquals(room, new String(gotRoom, StandardCharsets.UTF_8));
            assertEquals("ada", new String(sender, StandardCharsets.UTF_8));
            assertArrayEquals(image, payload);
        }
    }

    @Test
    void aBadRoomNameGetsAnError() {
        try (TestClient ada = user("ada")) {
            ada.send(io.tidings.support.Frames.join("No Spaces Allowed!", "bad"));
            JsonObject error = ada.expect("error");
            assertEquals("bad", error.getString("ref"));
            assertEquals("invalid_room", error.getJsonObject("data").getString("code"));
            assertTrue(error.getJsonObject("data").getString("message").contains("[a-z0-9]"));
        }
    }

    @Test
    void aMessageToARoomNotJoinedGetsAnError() {
        try (TestClient ada = user("ada")) {
            ada.send(message(uniqueRoom("closed"), "let me in", "nj"));
            JsonObject error = ada.expect("error");
            assertEquals("nj", error.getString("ref"));
            assertEquals("not_joined", error.getJsonObject("data").getString("code"));
        }
    }

    @Test
    void theRoomEndpointJoinsOnOpenAndFramesWithoutRoomAddressIt() {
        String room = uniqueRoom("direct");
        try (TestClient ada = TestClient.connect(Server.ws("ws/rooms/" + room + "?name=ada"))) {
            JsonObject joined = ada.expect("joined");
            assertEquals(room, joined.getString("room"));
            ada.send("{\"type\":\"message\",\"ref\":\"d1\",\"data\":{\"text\":\"no room field\"}}");
            JsonObject ack = ada.expect(f -> "d1".equals(f.getString("ref", null)), "ack");
            assertEquals(room, ack.getString("room"));
            ada.expect(f -> isMessage(f, "no room field"), "the echo");
        }
    }

    private static boolean isPresence(JsonObject frame, String event, String user) {
        return "presence".equals(frame.getString("type")) && event.equals(frame.getJsonObject("data").getString("event"))
                && user.equals(frame.getJsonObject("data").getString("user"));
    }

    private static Set<String> members(JsonObject joined) {
        return joined.getJsonObject("data").getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("user")).collect(Collectors.toSet());
    }

    private static List<String> texts(JsonObject data) {
        return data.getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(m -> textOf(m)).toList();
    }
}
