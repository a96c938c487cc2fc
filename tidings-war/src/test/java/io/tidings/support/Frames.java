package io.tidings.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.UUID;

/** Builds client frames for tests and names rooms so that tests never share one. */
public final class Frames {

    private Frames() {
    }

    public static String uniqueRoom(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String join(String room, String ref) {
        return Json.createObjectBuilder().add("type", "join").add("room", room).add("ref", ref).build().toString();
    }

    public static String joinSince(String room, long since, String ref) {
        return Json.createObjectBuilder().add("type", "join").add("room", room).add("ref", ref)
                .add("data", Json.createObjectBuilder().add("since", since)).build().toString();
    }

    public static String message(String room, String text, String ref) {
        return Json.createObjectBuilder().add("type", "message").add("room", room).add("ref", ref)
                .add("data", Json.createObjectBuilder().add("text", text)).build().toString();
    }

    /** Joins and returns the {@code joined} reply. */
    public static JsonObject joinRoom(TestClient client, String room) {
        String ref = "join-" + room;
        client.send(join(room, ref));
        return client.expect(f -> "joined".equals(f.getString("type")) && ref.equals(f.getString("ref", null)), "joined " + room);
    }

    /** Sends a message and returns its {@code ack} (which means it is stored). */
    public static JsonObject say(TestClient client, String room, String text) {
        String ref = "m-" + UUID.randomUUID();
        client.send(message(room, text, ref));
        return client.expect(f -> ref.equals(f.getString("ref", null)), "the reply to " + ref);
    }

    public static String textOf(JsonObject message) {
        return message.getJsonObject("data").getString("text");
    }
}
