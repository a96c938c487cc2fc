package io.tidings.users;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionChange;
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

    public boolean isOnline(String user) {
        return users.containsKey(user);
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
