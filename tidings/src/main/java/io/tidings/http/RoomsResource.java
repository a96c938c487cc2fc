package io.tidings.http;

import io.tidings.api.Notification;
import io.tidings.rooms.RoomName;
import io.tidings.rooms.RoomDirectory;
import io.tidings.rooms.RoomSummary;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** {@code /api/rooms}: rooms, their members, and system messages to a room. */
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RoomsResource {

    @Inject
    Caller caller;

    @Inject
    RoomDirectory rooms;

    @Inject
    UserRegistry users;

    @Inject
    Event<Notification> notifications;

    @GET
    public String list() {
        caller.requireKnown();
        var array = Json.createArrayBuilder();
        rooms.summaries().stream().filter(room -> caller.mayAccess(room.name())).forEach(room -> array.add(json(room)));
        return Json.createObjectBuilder().add("rooms", array).build().toString();
    }

    @GET
    @Path("{room}")
    public String room(@PathParam("room") String name) {
        caller.requireRoomAccess(name);
        return json(existing(name)).toString();
    }

    @GET
    @Path("{room}/members")
    public String members(@PathParam("room") String name) {
        caller.requireRoomAccess(name);
        existing(name);
        var array = Json.createArrayBuilder();
        rooms.members(name).forEach((user, count) -> array.add(Json.createObjectBuilder()
                .add("user", user).add("name", users.nameOf(user)).add("connections", count)));
        return Json.createObjectBuilder().add("room", name).add("members", array).build().toString();
    }

    /** A system message to the room's members: a {@code notification} frame, live only, as the CDI event sends it. */
    @POST
    @Path("{room}/broadcast")
    public Response broadcast(@PathParam("room") String name, String body) {
        caller.requireAdmin();
        existing(name);
        Notification notification = SystemMessages.read(body, (type, title, text) -> Notification.toRoom(name, type, title, text));
        notifications.fire(notification);
        return Response.accepted(Json.createObjectBuilder().add("id", notification.id()).build().toString()).build();
    }

    static RoomSummary existing(RoomDirectory rooms, String name) {
        return rooms.summary(RoomName.require(name)).orElseThrow(() -> ApiException.roomNotFound(name));
    }

    private RoomSummary existing(String name) {
        return existing(rooms, name);
    }

    private static JsonObject json(RoomSummary room) {
        return Json.createObjectBuilder().add("name", room.name()).add("members", room.members())
                .add("lastSeq", room.lastSeq()).build();
    }
}
