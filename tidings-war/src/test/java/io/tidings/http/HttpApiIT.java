package io.tidings.http;

import io.tidings.support.Deployments;
import io.tidings.support.Http;
import io.tidings.support.Http.Reply;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.JsonObject;
import jakarta.websocket.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tidings.support.Frames.joinRoom;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.textOf;
import static io.tidings.support.Frames.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static final int ROUNDS = 300;
    private static final int UNANSWERED_ALLOWED = 2;

    private static TestClient user(String name) {
        return TestClient.connect(Server.ws("ws?name=" + name));
    }

    @Test
    void roomsAreListedWithMemberCountAndLastSequenceAndTheirMembers() {
        String room = uniqueRoom("listed");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            say(ada, room, "hello");
            JsonObject listed = Http.get("rooms?name=ada").json().getJsonArray("rooms").getValuesAs(JsonObject.class)
                    .stream().filter(r -> room.equals(r.getString("name"))).findFirst().orElseThrow();
            assertEquals(1, listed.getInt("members"));
            assertEquals(1, listed.getJsonNumber("lastSeq").longValue());
            assertEquals(1, Http.adminGet("rooms/" + room).json().getInt("members"));
            JsonObject member = Http.get("rooms/" + room + "/members?name=ada").json().getJsonArray("members").getJsonObject(0);
            assertEquals("ada", member.getString("user"));
            assertEquals(1, member.getInt("connections"));
        }
    }

    @Test
    void anUnknownRoomIsNotFoundAndABadRoomNameIsABadRequest() {
        Reply unknown = Http.get("rooms/" + uniqueRoom("never-used") + "?name=ada");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("room_not_found", unknown.code());
        Reply bad = Http.get("rooms/Not%20A%20Room/messages?name=ada");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid_room", bad.code());
        Reply unknownPath = Http.get("nothing-here");
        assertEquals(404, unknownPath.status(), unknownPath.body());
        assertEquals("not_found", unknownPath.code());
    }

    @Test
    void callsWithoutCredentialAreUnauthorizedAndUsersCannotActAsAdminsOrForOthers() {
        assertEquals("unauthenticated", expect(401, Http.get("rooms")).code());
        Reply wrongKey = Http.send(Http.request("connections").header("X-API-Key", "wrong"));
        assertEquals("invalid_credential", expect(401, wrongKey).code());
        assertEquals("forbidden", expect(403, Http.get("connections?name=ada")).code());
        assertEquals("forbidden", expect(403, Http.get("users/bob/notifications?name=ada")).code());
        assertEquals("forbidden", expect(403, Http.post("broadcast?name=ada", "{\"type\":\"x\"}")).code());
        assertEquals(200, Http.get("users/ada/notifications?name=ada").status());
    }

    @Test
    void aMessagePostedOverHttpIsStoredThenReachesWebSocketMembers() {
        String room = uniqueRoom("posted");
        try (TestClient bob = user("bob")) {
            joinRoom(bob, room);
            Reply posted = expect(201, Http.post("rooms/" + room + "/messages?name=ada", "{\"data\":{\"text\":\"from http\"}}"));
            JsonObject message = bob.expect("message");
            assertEquals("from http", textOf(message));
            assertEquals("ada", message.getString("from"));
            assertEquals(posted.json().getString("id"), message.getString("id"));
            assertEquals(1, message.getJsonNumber("seq").longValue());
            var stored = Http.get("rooms/" + room + "/messages?name=bob&after=0").json().getJsonArray("messages");
            assertEquals(List.of("from http"), stored.getValuesAs(JsonObject.class).stream().map(m -> textOf(m)).toList());
        }
    }

    @Test
    void badBodiesAreRejectedWithAMessageThatSaysWhatToFix() {
        String room = uniqueRoom("bodies");
        try (TestClient bob = user("bob")) {
            joinRoom(bob, room);
            Reply notJson = expect(400, Http.post("rooms/" + room + "/messages?name=ada", "{not json"));
            assertEquals("invalid_json", notJson.code());
            Reply noData = expect(400, Http.post("rooms/" + room + "/messages?name=ada", "{\"text\":\"hi\"}"));
            assertEquals("invalid_field", noData.code());
            assertTrue(noData.json().getString("message").contains("\"data\""), noData.body());
            Reply noType = expect(400, Http.adminPost("users/ada/notifications", "{\"title\":\"t\"}"));
            assertTrue(noType.json().getString("message").contains("\"type\""), noType.body());
            assertEquals("invalid_parameter", expect(400, Http.get("rooms/" + room + "/messages?name=ada&limit=x")).code());
        }
    }

    @Test
    void historyPagesGoAfterOrBeforeASequence() {
        String room = uniqueRoom("pages");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            for (int i = 1; i <= 5; i++) {
                say(ada, room, "m" + i);
            }
            assertEquals(List.of("m2", "m3"), texts(Http.get("rooms/" + room + "/messages?name=ada&before=4&limit=2")));
            assertEquals(List.of("m4", "m5"), texts(Http.get("rooms/" + room + "/messages?name=ada&after=3")));
            assertEquals(List.of("m4", "m5"), texts(Http.get("rooms/" + room + "/messages?name=ada&limit=2")));
        }
    }

    @Test
    void aNotificationSentOverHttpIsStoredDeliveredListedAndReadSynced() {
        try (TestClient dora = user("dora")) {
            dora.expect("notification.unread");
            expect(201, Http.adminPost("users/dora/notifications", "{\"type\":\"order.shipped\",\"title\":\"Shipped\",\"data\":{\"order\":7}}"));
            JsonObject delivered = dora.expect("notification").getJsonObject("data");
            assertEquals("Shipped", delivered.getString("title"));
            JsonObject listed = Http.get("users/dora/notifications?name=dora&unread=true").json();
            assertTrue(listed.getInt("unread") >= 1, listed.toString());
            assertEquals(delivered.getString("id"), listed.getJsonArray("notifications").getJsonObject(0).getString("id"));
            Reply read = expect(200, Http.post("users/dora/notifications/read?name=dora", "{\"all\":true}"));
            assertEquals(0, read.json().getInt("unread"), read.body());
            assertEquals(0, dora.expect("notification.read").getJsonObject("data").getInt("unread"));
            assertEquals(0, Http.get("users/dora/notifications/unread?name=dora").json().getInt("unread"));
        }
    }

    @Test
    void systemMessagesReachARoomsMembersAndEveryone() {
        String room = uniqueRoom("system");
        try (TestClient ada = user("ada"); TestClient eve = user("eve")) {
            joinRoom(ada, room);
            expect(202, Http.adminPost("rooms/" + room + "/broadcast", "{\"type\":\"maintenance\",\"title\":\"soon\"}"));
            assertEquals(room, ada.expect("notification").getString("room"));
            expect(202, Http.adminPost("broadcast", "{\"type\":\"maintenance\",\"title\":\"everyone\"}"));
            assertEquals("everyone", eve.expect(f -> "notification".equals(f.getString("type"))
                    && "everyone".equals(f.getJsonObject("data").getString("title")), "the broadcast").getJsonObject("data").getString("title"));
        }
    }

    @Test
    void disconnectingAUserClosesEverySocketWithTheDocumentedCode() {
        try (TestClient phone = user("carl"); TestClient desktop = user("carl")) {
            assertEquals(2, Http.get("users/carl/connections?name=carl").json().getJsonArray("connections").size());
            Reply closed = expect(200, Http.adminDelete("users/carl/connections?reason=maintenance"));
            assertEquals(2, closed.json().getInt("closed"));
            for (TestClient socket : List.of(phone, desktop)) {
                var reason = socket.awaitClose();
                assertEquals(4010, reason.getCloseCode().getCode());
                assertEquals("maintenance", reason.getReasonPhrase());
            }
            assertEquals("connection_not_found", expect(404, Http.adminDelete("connections/no-such-id")).code());
        }
    }

    /**
     * A client may act as soon as it has its welcome, and server-side closes must not harm the
     * handshakes that follow them. Before both were fixed, about one round in a hundred on Payara
     * failed: the disconnect found no connection, or the next handshake was closed with 4001.
     * <p>
     * Payara itself still leaves a rare handshake after such closes unanswered (docs/architecture.md, "Server-side
     * closes on Payara"): its own WebSocket filter fails on a recycled request before the
     * application sees it. Such a round is skipped, at most {@value #UNANSWERED_ALLOWED} times.
     */
    @Test
    void everyWelcomedConnectionCanBeDisconnectedAtOnceRoundAfterRound() {
        int unanswered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String user = "round" + round % 3;
            TestClient opened;
            try {
                opened = user(user);
            } catch (IllegalStateException e) {
                if (!unansweredHandshake(e) || ++unanswered > UNANSWERED_ALLOWED) {
                    throw e;
                }
                continue;
            }
            try (TestClient socket = opened) {
                Reply closed = expect(200, Http.adminDelete("users/" + user + "/connections?reason=round"));
                assertEquals(1, closed.json().getInt("closed"), "round " + round + ": " + closed.body());
                assertEquals(4010, socket.awaitClose().getCloseCode().getCode(), "round " + round);
            }
        }
    }

    /** The client gave up waiting for any answer to its handshake (the Tyrus client's wording). */
    private static boolean unansweredHandshake(IllegalStateException e) {
        return e.getCause() instanceof DeploymentException d && "Handshake response not received.".equals(d.getMessage());
    }

    @Test
    void oneConnectionCanBeDisconnectedByItsId() {
        try (TestClient olga = user("olga")) {
            String id = Http.get("users/olga/connections?name=olga").json().getJsonArray("connections").getJsonObject(0).getString("id");
            expect(200, Http.adminDelete("connections/" + id));
            assertEquals(4010, olga.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void readinessReportsTheDatasourceUp() {
        JsonObject ready = expect(200, Http.get("health/ready")).json();
        assertEquals("UP", ready.getString("status"));
        assertEquals("UP", ready.getJsonObject("checks").getString("datasource"));
    }

    private static List<String> texts(Reply page) {
        return page.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(m -> textOf(m)).toList();
    }

    /** Codes only a server in trouble answers (store queue full, database failing, rooms full, a bug): not triggered from outside. */
    private static final Set<String> SERVER_SIDE = Set.of("busy", "not_stored", "rooms_full", "internal");

    /**
     * Walks the table of HTTP errors in docs/http.md: every code it lists is answered, with its status, to
     * a request that should get it, and every code walked here is in the table.
     */
    @Test
    void everyCodeOfTheDocumentedErrorTableIsAnsweredWithTheStatusItGives() throws IOException {
        String room = uniqueRoom("walk");
        Map<String, Supplier<Reply>> triggers = new LinkedHashMap<>();
        triggers.put("invalid_json", () -> Http.adminPost("broadcast", "{not json"));
        triggers.put("too_deep", () -> Http.adminPost("broadcast", "[".repeat(200) + "]".repeat(200)));
        triggers.put("invalid_body", () -> Http.adminPost("broadcast", "[1]"));
        triggers.put("invalid_field", () -> Http.adminPost("users/ada/notifications", "{\"title\":\"t\"}"));
        triggers.put("invalid_parameter", () -> Http.get("rooms/" + room + "/messages?name=ada&limit=x"));
        triggers.put("invalid_room", () -> Http.get("rooms/Not%20A%20Room/messages?name=ada"));
        triggers.put("invalid_name", () -> Http.get("rooms?name=no%20spaces!"));
        triggers.put("invalid_last_event_id", () -> Http.send(Http.request("rooms/" + room + "/events?name=ada")
                .header("Last-Event-ID", "yesterday").GET()));
        triggers.put("unauthenticated", () -> Http.get("rooms"));
        triggers.put("invalid_credential", () -> Http.send(Http.request("rooms").header("X-API-Key", "wrong").GET()));
        triggers.put("forbidden", () -> Http.get("connections?name=ada"));
        triggers.put("room_not_found", () -> Http.get("rooms/" + uniqueRoom("never-used") + "?name=ada"));
        triggers.put("connection_not_found", () -> Http.adminDelete("connections/no-such-connection"));
        triggers.put("not_found", () -> Http.get("nothing-here"));
        triggers.put("method_not_allowed", () -> Http.send(Http.request("rooms?name=ada").PUT(HttpRequest.BodyPublishers.ofString("{}"))));
        triggers.put("not_acceptable", () -> Http.send(Http.request("rooms?name=ada").header("Accept", "image/png").GET()));

        Map<String, Integer> table = readmeErrorTable();
        assertTrue(table.size() >= triggers.size(), "the documented error table: " + table);
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            for (Map.Entry<String, Integer> row : table.entrySet()) {
                String code = row.getKey();
                if (SERVER_SIDE.contains(code)) {
                    continue;
                }
                assertTrue(triggers.containsKey(code), "docs/http.md lists '" + code + "', which this test does not walk");
                Reply reply = triggers.get(code).get();
                assertEquals(row.getValue(), reply.status(), code + ": " + reply.body());
                assertEquals(code, reply.code(), reply.body());
            }
        }
        for (String code : triggers.keySet()) {
            assertTrue(table.containsKey(code), "the server answers '" + code + "', which the error table in docs/http.md lacks");
        }
    }

    /** code -> status, from the table in docs/http.md under "Every error has the same body". */
    private static Map<String, Integer> readmeErrorTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("tidings.root", ".."), "docs", "http.md"));
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("Every error has the same body")).findFirst().orElseThrow());
        Map<String, Integer> table = new LinkedHashMap<>();
        Pattern code = Pattern.compile("`([a-z_]+)`");
        for (String line : lines.subList(start + 1, lines.size())) {
            if (table.isEmpty() && !line.startsWith("|")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            String[] statuses = cells[1].trim().split(",\\s*");
            if (!statuses[0].matches("\\d{3}")) {
                continue; // the header and its rule
            }
            Matcher m = code.matcher(cells[2]);
            for (int i = 0; m.find(); i++) {
                table.put(m.group(1), Integer.parseInt(statuses[Math.min(i, statuses.length - 1)]));
            }
        }
        return table;
    }

    private static Reply expect(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        return reply;
    }
}
