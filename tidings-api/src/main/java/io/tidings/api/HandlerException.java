package io.tidings.api;

/**
 * Thrown by a {@link Handles} method to reply with an {@code error} frame carrying
 * {@code code} (lower case, e.g. {@code out_of_stock}) and a message for the user.
 */
public class HandlerException extends RuntimeException {

    private final String code;

    public HandlerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
