package io.tidings.sse;

import io.tidings.http.Caller;
import io.tidings.rooms.RoomName;
import io.tidings.rooms.RoomRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code /api/rooms/{room}/events}: a room as Server-Sent Events. The stream starts with a
 * {@code joined} event, then the messages the client missed (after {@code Last-Event-ID}, or the
 * latest ones), then every new room frame; {@code message} events carry the sequence number as
 * their id. The same rules as a WebSocket {@code join}: any identified caller, any valid room name, private rooms for their members only.
 */
@Path("rooms/{room}/events")
@RequestScoped
public class RoomEventsResource {

    @Inject
    Caller caller;

    @Inject
    RoomRegistry rooms;

    @Inject
    SseStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("room") String room, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("lastEventId") String lastEventIdParam, @Context SseEventSink sink, @Context Sse sse) {
        String name = RoomName.require(room);
        caller.requireRoomAccess(name);
        Long since = LastEventId.parse(lastEventId, lastEventIdParam, "a room sequence number");
        String user = caller.user().orElse("admin");
        SseStream stream = streams.open(user, sink, sse, closed -> rooms.unlisten(name, closed));
        rooms.listen(name, stream, since);
    }
}
