package io.tidings.sse;

import io.tidings.http.Caller;
import io.tidings.notifications.Inbox;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code /api/users/{user}/events}: a user's notifications as Server-Sent Events (the user or an
 * admin). It starts with {@code notification.unread} (the count), then carries every
 * {@code notification} and {@code notification.read} frame the user's sockets get. Notifications
 * have no sequence: a client that reconnects lists what it missed with
 * {@code GET /api/users/{user}/notifications?unread=true}.
 */
@Path("users/{user}/events")
@RequestScoped
public class UserEventsResource {

    @Inject
    Caller caller;

    @Inject
    UserRegistry users;

    @Inject
    Inbox inbox;

    @Inject
    SseStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("user") String user, @Context SseEventSink sink, @Context Sse sse) {
        caller.requireSelfOrAdmin(user);
        SseStream[] stream = new SseStream[1];
        stream[0] = streams.open(user, sink, sse, () -> users.unlisten(user, stream[0]));
        Envelope unread = Envelope.of("notification.unread", Json.createObjectBuilder().add("count", inbox.unread(user)).build());
        stream[0].deliver(unread, new EnvelopeEncoder().encode(unread), false);
        users.listen(user, stream[0]);
    }
}
