package io.tidings.http;

import jakarta.ws.rs.core.Response;

/** An HTTP API error: a status and a stable code, with a message that says what to fix. */
public class ApiException extends RuntimeException {

    private final Response.Status status;
    private final String code;

    public ApiException(Response.Status status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(Response.Status.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(Response.Status.NOT_FOUND, code, message);
    }

    public static ApiException roomNotFound(String room) {
        return notFound("room_not_found", "there is no room '" + room + "' (no members and no stored messages)");
    }

    public Response.Status status() {
        return status;
    }

    public String code() {
        return code;
    }
}
