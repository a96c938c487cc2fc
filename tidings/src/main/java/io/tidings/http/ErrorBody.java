package io.tidings.http;

import io.tidings.protocol.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error body of the HTTP API: {@code {"code":"room_not_found","message":"..."}}. */
final class ErrorBody {

    private ErrorBody() {
    }

    static Response of(int status, String code, String message) {
        String body = Json.createObjectBuilder().add("code", code).add("message", message == null ? code : message)
                .build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
