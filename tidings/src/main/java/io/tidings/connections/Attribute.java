package io.tidings.connections;

/**
 * A typed key of what one feature keeps for a connection (its identity, its limits, its rooms):
 * each feature declares its own, and {@link Connection#get}/{@link Connection#set} are typed by it.
 * Keys are compared by identity.
 *
 * @param <T> the value's type
 */
public final class Attribute<T> {

    private final String name;

    private Attribute(String name) {
        this.name = name;
    }

    public static <T> Attribute<T> named(String name) {
        return new Attribute<>(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
