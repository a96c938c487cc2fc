package io.tidings.example;

import io.tidings.api.ConnectionEvent;
import io.tidings.api.Handles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observes connections opening and closing and counts the users online (a user with two sockets
 * counts once). {@code example.online} frames get the count back.
 */
@ApplicationScoped
public class OnlineUsers {

    /** The reply to {@code example.online}. */
    public record Online(int users) {
    }

    private final Map<String, Integer> socketsPerUser = new ConcurrentHashMap<>();

    void connected(@Observes @ConnectionEvent.Connected ConnectionEvent event) {
        socketsPerUser.merge(event.user(), 1, Integer::sum);
    }

    void disconnected(@Observes @ConnectionEvent.Disconnected ConnectionEvent event) {
        socketsPerUser.computeIfPresent(event.user(), (user, sockets) -> sockets == 1 ? null : sockets - 1);
    }

    @Handles("example.online")
    public Online count() {
        return new Online(socketsPerUser.size());
    }
}
