package io.tidings.http;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.protocol.CloseCodes;
import io.tidings.rooms.RoomRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * {@code /api/connections}: every live WebSocket connection (admin), and disconnecting one (admin). A disconnected socket is closed with {@link CloseCodes#DISCONNECTED}
 * and the given reason.
 */
@Path("connections")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ConnectionsResource {

    /** A close reason may hold at most 123 UTF-8 bytes. */
    private static final int MAX_REASON_BYTES = 123;

    @Inject
    Caller caller;

    @Inject
    ConnectionRegistry connections;

    @Inject
    RoomRegistry rooms;

    @GET
    public String all() {
        caller.requireAdmin();
        return json(rooms, connections.all());
    }

    @DELETE
    @Path("{id}")
    public String disconnect(@PathParam("id") String id, @QueryParam("reason") String reason) {
        caller.requireAdmin();
        Connection connection = connections.find(id).orElseThrow(() -> ApiException.notFound("connection_not_found",
                "there is no open connection '" + id + "'; list them at /api/connections"));
        connection.close(CloseCodes.DISCONNECTED, reason(reason));
        return closed(1);
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "disconnected by an operator";
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            throw ApiException.badRequest("invalid_parameter", "reason must fit in " + MAX_REASON_BYTES + " UTF-8 bytes");
        }
        return reason;
    }

    static String closed(int count) {
        return Json.createObjectBuilder().add("closed", count).add("closeCode", CloseCodes.DISCONNECTED).build().toString();
    }

    static String json(RoomRegistry rooms, Collection<Connection> list) {
        var array = Json.createArrayBuilder();
        list.forEach(c -> array.add(json(rooms, c)));
        return Json.createObjectBuilder().add("connections", array).build().toString();
    }

    private static JsonObject json(RoomRegistry rooms, Connection c) {
        return Json.createObjectBuilder().add("id", c.id()).add("user", c.user())
                .add("remoteAddress", String.valueOf(c.remoteAddress())).add("openedAt", c.openedAt().toString())
                .add("rooms", Json.createArrayBuilder(rooms.roomsOf(c))).add("queued", c.queued())
                .add("dropped", c.dropped()).build();
    }
}
