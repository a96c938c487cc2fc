package io.tidings.http;

import io.tidings.api.Notification;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.notifications.Inbox;
import io.tidings.notifications.NotificationIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.tidings.protocol.Data;
import io.tidings.protocol.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code /api/users/{user}/notifications}: send (admin), list and mark read (the user or an admin).
 * Sending fires the same {@link Notification} CDI event application code fires, so the
 * notification is stored, delivered to every socket and stream of the user, and read-synced.
 */
@Path("users/{user}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class UsersResource {

    @Inject
    Caller caller;

    @Inject
    Inbox inbox;

    @Inject
    Settings settings;

    @Inject
    Event<Notification> notifications;

    @POST
    public Response send(@PathParam("user") String user, String body) {
        caller.requireAdmin();
        Notification notification = SystemMessages.read(body, (type, title, text) -> Notification.toUser(user, type, title, text));
        notifications.fire(notification);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("id", notification.id()).build().toString()).build();
    }

    @GET
    public String list(@PathParam("user") String user, @QueryParam("unread") String unreadOnly,
                       @QueryParam("limit") String limitParam) {
        caller.requireSelfOrAdmin(user);
        int max = settings.integer(Setting.API_MAX_PAGE);
        int limit = (int) Bodies.number(limitParam, "limit", 1, max, Math.min(50, max));
        var fields = Json.createObjectBuilder().add("user", user).add("unread", inbox.unread(user)).build();
        return Data.withMember(fields, "notifications", inbox.latest(user, "true".equals(unreadOnly), limit)).json();
    }

    @GET
    @Path("unread")
    public String unread(@PathParam("user") String user) {
        caller.requireSelfOrAdmin(user);
        return Json.createObjectBuilder().add("user", user).add("unread", inbox.unread(user)).build().toString();
    }

    /** Body {@code {"ids":[...]}} or {@code {"all":true}}; every socket and stream of the user is told. */
    @POST
    @Path("read")
    public String markRead(@PathParam("user") String user, String body) {
        caller.requireSelfOrAdmin(user);
        JsonObject request = Bodies.object(body, "{\"ids\":[\"<notification id>\"]} or {\"all\":true}");
        List<String> ids = request.get("all") == JsonValue.TRUE ? null : NotificationIds.of(request, "");
        long unread = inbox.markRead(user, ids, null);
        return Json.createObjectBuilder().add("user", user).add("unread", unread).build().toString();
    }
}
