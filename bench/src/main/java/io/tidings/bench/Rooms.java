package io.tidings.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Clients split into rooms of a fixed size and joined; messages go from each room's members in turn. */
final class Rooms {

    final List<String> names = new ArrayList<>();
    final List<List<Client>> members = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();

    /** Joins {@code clients} to rooms of {@code size}; a client whose join fails is left out. */
    static Rooms join(Crowd crowd, List<Client> clients, int size, String prefix) throws InterruptedException {
        Rooms rooms = new Rooms();
        String token = Long.toString(System.currentTimeMillis(), 36);
        for (int from = 0; from < clients.size(); from += size) {
            rooms.names.add(prefix + "-" + token + "-" + rooms.names.size());
            rooms.members.add(new ArrayList<>());
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            indexes.add(i);
        }
        List<Integer> joined = crowd.each(indexes, i -> clients.get(i).join(rooms.names.get(i / size)).thenApply(reply -> {
            if (!reply.getString("type", "").equals("joined")) {
                throw new IllegalStateException("join failed: " + reply);
            }
            return i;
        }));
        joined.stream().sorted().forEach(i -> rooms.members.get(i / size).add(clients.get(i)));
        return rooms;
    }

    int joined() {
        return members.stream().mapToInt(List::size).sum();
    }

    /** Sends one message to the next room, from its next member. */
    void sendNext(Deliveries deliveries, Runnable done) {
        long n = next.getAndIncrement();
        int room = (int) (n % names.size());
        List<Client> roomMembers = members.get(room);
        Client sender = roomMembers.get((int) ((n / names.size()) % roomMembers.size()));
        deliveries.send(sender, names.get(room), roomMembers.size(), done);
    }
}
