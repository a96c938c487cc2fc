package io.tidings.sse;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.http.Caller;
import io.tidings.notifications.Inbox;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Encoded;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
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

import java.util.HashSet;
import java.util.Set;

/**
 * {@code /api/users/{user}/events}: a user's notifications as Server-Sent Events (the user or an
 * admin). It starts with {@code notification.unread} (the count), then, for a client that resumes
 * ({@code Last-Event-ID}), the notifications stored after that inbox position (at most
 * {@code tidings.notifications.replay-limit}, the newest), then every {@code notification} and
 * {@code notification.read} frame the user's sockets get. Notification events carry the inbox
 * position as their id.
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

    @Inject
    Settings settings;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("user") String user, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("lastEventId") String lastEventIdParam, @Context SseEventSink sink, @Context Sse sse) {
        caller.requireSelfOrAdmin(user);
        Long since = LastEventId.parse(lastEventId, lastEventIdParam, "a notification position");
        SseStream stream = streams.open(user, sink, sse, closed -> users.unlisten(user, closed));
        Envelope unread = Envelope.of("notification.unread", Json.createObjectBuilder().add("count", inbox.unread(user)).build());
        stream.sendAhead(Encoded.of(unread));
        if (since == null) {
            users.listen(user, stream);
            return;
        }
        // Listening before reading the store, holding what arrives meanwhile: nothing falls between the two.
        stream.hold();
        users.listen(user, stream);
        Set<String> replayed = new HashSet<>();
        for (Envelope missed : inbox.after(user, since, settings.integer(Setting.NOTIFICATIONS_REPLAY_LIMIT))) {
            replayed.add(missed.id());
            stream.sendAhead(Encoded.of(missed));
        }
        stream.release(replayed);
    }
}
