package io.tidings.http;

import io.tidings.protocol.CloseCodes;
import io.tidings.rooms.RoomRegistry;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/users/{user}/connections}: a user's live sockets (the user or an admin), and
 * disconnecting all of them (admin) with {@link CloseCodes#DISCONNECTED} and the given reason.
 */
@Path("users/{user}/connections")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class UserConnectionsResource {

    @Inject
    Caller caller;

    @Inject
    UserRegistry users;

    @Inject
    RoomRegistry rooms;

    @GET
    public String list(@PathParam("user") String user) {
        caller.requireSelfOrAdmin(user);
        return ConnectionsResource.json(rooms, users.connectionsOf(user));
    }

    @DELETE
    public String disconnect(@PathParam("user") String user, @QueryParam("reason") String reason) {
        caller.requireAdmin();
        String phrase = ConnectionsResource.reason(reason);
        var open = users.connectionsOf(user);
        open.forEach(connection -> connection.close(CloseCodes.DISCONNECTED, phrase));
        return ConnectionsResource.closed(open.size());
    }
}
