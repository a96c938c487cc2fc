package io.tidings.security;

import io.tidings.support.Jwts;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.tidings.support.Frames.join;
import static io.tidings.support.Frames.joinRoom;
import static io.tidings.support.Frames.message;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Private rooms admit their users only, and nothing of theirs reaches anyone else. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomPermissionsIT {

    static final Jwts JWTS = new Jwts();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return JWTS.deployment(
                        "tidings.rooms.private=staff-*",
                        "tidings.rooms.access=classpath:test-keys/rooms.properties",
                        "tidings.limits.rooms-per-connection=3")
                .addAsResource(new StringAsset("ops = role:operator, user:t-olga\n"), "test-keys/rooms.properties");
    }

    private static TestClient member(String user, String... rooms) {
        return TestClient.connectWithToken(Server.ws("ws"), JWTS.token(user, c -> c.claim("rooms", List.of(rooms))));
    }

    private static String errorCode(TestClient client, String ref) {
        JsonObject error = client.expect(f -> ref.equals(f.getString("ref", null)), "the reply to " + ref);
        assertEquals("error", error.getString("type"), error.toString());
        return error.getJsonObject("data").getString("code");
    }

    private static Predicate<JsonObject> inRoom(String room) {
        return frame -> room.equals(frame.getString("room", null));
    }

    @Test
    void privateRoomLeaksNothingToANonMember() {
        String staff = uniqueRoom("staff");
        String lobby = uniqueRoom("lobby");
        try (TestClient mia = member("mia", "staff-*");
             TestClient otto = TestClient.connectWithToken(Server.ws("ws"), JWTS.token("otto"));
             TestClient guest = TestClient.connect(Server.ws("ws?name=pat"))) {
            joinRoom(mia, staff);
            say(mia, staff, "before anyone else");
            otto.send(join(staff, "j-otto"));
            assertEquals("forbidden", errorCode(otto, "j-otto"));
            guest.send(join(staff, "j-guest"));
            assertEquals("forbidden", errorCode(guest, "j-guest"));
            otto.send(message(staff, "let me in", "m-otto"));
            assertEquals("not_joined", errorCode(otto, "m-otto"));

            joinRoom(otto, lobby);
            joinRoom(guest, lobby);
            joinRoom(mia, lobby);
            say(mia, staff, "staff only");
            mia.send("{\"type\":\"typing\",\"room\":\"" + staff + "\"}");
            say(mia, lobby, "for everyone");
            // The lobby message was sent after the staff frames, so anything leaked would be here by now.
            for (TestClient outsider : List.of(otto, guest)) {
                outsider.expect(f -> "message".equals(f.getString("type")) && lobby.equals(f.getString("room", null)), "the lobby message");
                outsider.expectNone(inRoom(staff), Duration.ofMillis(300));
            }
        }
    }

    @Test
    void privateRoomLeaksNothingOverHttpOrSse() throws Exception {
        String staff = uniqueRoom("staff");
        try (TestClient mia = member("mia", "staff-*")) {
            joinRoom(mia, staff);
            say(mia, staff, "minutes of the meeting");
        }
        String otto = "access_token=" + JWTS.token("otto");
        String mia = "access_token=" + JWTS.token("mia", c -> c.claim("rooms", List.of("staff-*")));
        for (String outsider : List.of(otto, "name=pat")) {
            assertEquals(403, http("GET", "api/rooms/" + staff + "/messages?" + outsider).statusCode(), outsider);
            assertEquals(403, http("GET", "api/rooms/" + staff + "/members?" + outsider).statusCode());
            assertEquals(403, http("GET", "api/rooms/" + staff + "?" + outsider).statusCode());
            assertEquals(403, http("POST", "api/rooms/" + staff + "/messages?" + outsider).statusCode());
            assertEquals(403, http("GET", "api/rooms/" + staff + "/events?" + outsider).statusCode());
            String list = http("GET", "api/rooms?" + outsider).body();
            assertFalse(list.contains(staff), "the room list hides private rooms: " + list);
        }
        HttpResponse<String> forMember = http("GET", "api/rooms/" + staff + "/messages?" + mia);
        assertEquals(200, forMember.statusCode(), forMember.body());
        assertTrue(forMember.body().contains("minutes of the meeting"));
        // The same token as an Authorization header, as HTTP clients send it.
        String bearer = "Bearer " + JWTS.token("mia", c -> c.claim("rooms", List.of("staff-*")));
        HttpResponse<String> withHeader = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        Server.http("api/rooms/" + staff + "/messages")).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withHeader.statusCode(), withHeader.body());
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        Server.http("api/rooms/" + staff + "/messages")).header("Authorization", "Bearer " + new Jwts().token("mia")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode(), forged.body());
    }

    private static HttpResponse<String> http(String method, String path) throws Exception {
        var request = HttpRequest.newBuilder(Server.http(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", path.contains("/events") ? "text/event-stream" : "application/json")
                .method(method, method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{\"data\":{\"text\":\"let me in\"}}")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void privateRoomAdmitsUsersAndRolesGrantedInTheAccessFile() {
        try (TestClient operator = TestClient.connectWithToken(Server.ws("ws"),
                JWTS.token("opal", c -> c.claim("roles", List.of("operator"))));
             TestClient olga = TestClient.connectWithToken(Server.ws("ws"), JWTS.token("t-olga"));
             TestClient oscar = TestClient.connectWithToken(Server.ws("ws"), JWTS.token("oscar"))) {
            joinRoom(operator, "ops");
            joinRoom(olga, "ops");
            oscar.send(join("ops", "j-oscar"));
            assertEquals("forbidden", errorCode(oscar, "j-oscar"));
        }
    }

    @Test
    void roomSocketForAPrivateRoomIsClosedWith4003ForANonMemberAndJoinsForAMember() {
        String staff = uniqueRoom("staff");
        try (TestClient otto = TestClient.connectWithToken(Server.ws("ws/rooms/" + staff), JWTS.token("otto"));
             TestClient mia = member("mia", staff)) {
            assertEquals(4003, otto.awaitClose().getCloseCode().getCode());
            try (TestClient miaRoom = TestClient.connectWithToken(Server.ws("ws/rooms/" + staff),
                    JWTS.token("mia", c -> c.claim("rooms", List.of(staff))))) {
                assertEquals(staff, miaRoom.expect("joined").getString("room"));
            }
        }
    }

    @Test
    void connectionCanBeInAtMostThreeRoomsAtOnce() {
        try (TestClient client = TestClient.connect(Server.ws("ws?name=hopper"))) {
            List<String> rooms = List.of(uniqueRoom("a"), uniqueRoom("b"), uniqueRoom("c"), uniqueRoom("d"));
            rooms.subList(0, 3).forEach(room -> joinRoom(client, room));
            client.send(join(rooms.get(3), "fourth"));
            assertEquals("too_many_rooms", errorCode(client, "fourth"));
            joinRoom(client, rooms.get(0));
            client.send("{\"type\":\"leave\",\"room\":\"" + rooms.get(0) + "\",\"ref\":\"l\"}");
            client.expect(f -> "l".equals(f.getString("ref", null)), "the leave ack");
            joinRoom(client, rooms.get(3));
        }
    }
}
