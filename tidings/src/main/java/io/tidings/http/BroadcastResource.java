package io.tidings.http;

import io.tidings.api.Notification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/broadcast}: a system message to every open connection, as {@code Notification.toEveryone} sends it. */
@Path("broadcast")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class BroadcastResource {

    @Inject
    Caller caller;

    @Inject
    Event<Notification> notifications;

    @POST
    public Response broadcast(String body) {
        caller.requireAdmin();
        Notification notification = SystemMessages.read(body, Notification::toEveryone);
        notifications.fire(notification);
        return Response.accepted(Json.createObjectBuilder().add("id", notification.id()).build().toString()).build();
    }
}
