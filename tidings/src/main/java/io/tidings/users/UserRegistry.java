package io.tidings.users;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionChange;
import io.tidings.connections.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every online user with its open connections and display name. */
@ApplicationScoped
public class UserRegistry {

    private record Online(Set<Connection> connections, String name) {
        Online withName(String newName) {
            return new Online(connections, newName);
        }
    }

    private final ConcurrentMap<String, Online> users = new ConcurrentHashMap<>();
    /** Streams (SSE) that receive a user's frames besides its sockets; they do not make the user online. */
    private final ConcurrentMap<String, Set<Recipient>> streams = new ConcurrentHashMap<>();

    void opened(@Observes @ConnectionChange.Opened ConnectionChange event) {
        Connection connection = event.connection();
        users.compute(connection.user(), (user, online) -> {
            Online current = online != null ? online : new Online(ConcurrentHashMap.newKeySet(), user);
            current.connections().add(connection);
            return current;
        });
    }

    void closed(@Observes @ConnectionChange.Closed ConnectionChange event) {
        Connection connection = event.connection();
        users.computeIfPresent(connection.user(), (user, online) -> {
            online.connections().remove(connection);
            return online.connections().isEmpty() ? null : online;
        });
    }

    /** The open connections of a user; empty when the user is offline. */
    public List<Connection> connectionsOf(String user) {
        Online online = users.get(user);
        return online == null ? List.of() : List.copyOf(online.connections());
    }

    /** Every socket and stream that receives the user's frames. */
    public List<Recipient> recipientsOf(String user) {
        Set<Recipient> listening = streams.getOrDefault(user, Set.of());
        if (listening.isEmpty()) {
            return List.copyOf(connectionsOf(user));
        }
        var all = new java.util.ArrayList<Recipient>(connectionsOf(user));
        all.addAll(listening);
        return all;
    }

    public void listen(String user, Recipient stream) {
        streams.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(stream);
    }

    public void unlisten(String user, Recipient stream) {
        streams.computeIfPresent(user, (u, listening) -> {
            listening.remove(stream);
            return listening.isEmpty() ? null : listening;
        });
    }

    /** The user's display name; the user name itself until the user renames. */
    public String nameOf(String user) {
        Online online = users.get(user);
        return online == null ? user : online.name();
    }

    /** Changes an online user's display name. */
    public void rename(String user, String name) {
        users.computeIfPresent(user, (u, online) -> online.withName(name));
    }

    public Set<String> online() {
        return Set.copyOf(users.keySet());
    }
}
