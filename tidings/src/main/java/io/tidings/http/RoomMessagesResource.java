package io.tidings.http;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.history.HistoryStore;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.rooms.RoomPublisher;
import io.tidings.rooms.RoomDirectory;
import io.tidings.rooms.RoomSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /api/rooms/{room}/messages}: pages of a room's stored history, and posting a message as
 * the calling user through the same {@link RoomPublisher} as the WebSocket path. The 201 is sent
 * once the message is stored and broadcast.
 */
@Path("rooms/{room}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RoomMessagesResource {

    private static final EnvelopeEncoder ENCODER = new EnvelopeEncoder();
    private static final String EXAMPLE = "{\"data\":{\"text\":\"hello\"}}";

    @Inject
    Caller caller;

    @Inject
    RoomDirectory rooms;

    @Inject
    RoomPublisher publisher;

    @Inject
    HistoryStore history;

    @Inject
    Settings settings;

    /** Stored messages, oldest first: {@code after} a sequence, {@code before} one, both, or the latest. */
    @GET
    public String page(@PathParam("room") String name, @QueryParam("after") String afterParam,
                       @QueryParam("before") String beforeParam, @QueryParam("limit") String limitParam) {
        caller.requireRoomAccess(name);
        RoomSummary room = RoomsResource.existing(rooms, name);
        int max = settings.integer(Setting.API_MAX_PAGE);
        int limit = (int) Bodies.number(limitParam, "limit", 1, max, Math.min(50, max));
        long after = Bodies.number(afterParam, "after", 0, Long.MAX_VALUE, -1);
        long before = Bodies.number(beforeParam, "before", 1, Long.MAX_VALUE, -1);
        List<Envelope> page = after >= 0 ? history.range(name, after, before > 0 ? before - 1 : room.lastSeq(), limit)
                : before > 0 ? history.latestBefore(name, before, limit) : history.latest(name, limit);
        String messages = page.stream().map(ENCODER::encode).collect(Collectors.joining(",", "[", "]"));
        return "{\"room\":" + Json.createValue(name) + ",\"lastSeq\":" + room.lastSeq() + ",\"messages\":" + messages + "}";
    }

    /** Body {@code {"data": <any JSON>}}; users may post to any existing room they could join (private rooms: members only). */
    @POST
    public void post(@PathParam("room") String name, String body, @Suspended AsyncResponse response) {
        String user = caller.requireUser();
        caller.requireRoomAccess(name);
        RoomsResource.existing(rooms, name);
        JsonObject request = Bodies.object(body, EXAMPLE);
        JsonValue data = request.get("data");
        if (data == null || data == JsonValue.NULL) {
            throw ApiException.badRequest("invalid_field", "a message needs \"data\", for example " + EXAMPLE);
        }
        try {
            publisher.publish(name, user, Data.of(data), null).whenComplete((message, failure) -> response.resume(failure != null
                    ? new ApiException(Response.Status.SERVICE_UNAVAILABLE, "not_stored", failure.getMessage())
                    : Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ENCODER.encode(message)).build()));
        } catch (RoomPublisher.Busy busy) {
            throw new ApiException(Response.Status.SERVICE_UNAVAILABLE, "busy", busy.getMessage());
        } catch (io.tidings.rooms.RoomRegistry.Full full) {
            throw new ApiException(Response.Status.SERVICE_UNAVAILABLE, "rooms_full", full.getMessage());
        }
    }
}
