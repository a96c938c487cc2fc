package io.tidings.http;

import io.tidings.dispatch.FrameException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure of a resource into the API's error body, whichever JAX-RS implementation runs. */
final class ErrorMappers {

    private ErrorMappers() {
    }

    @Provider
    public static class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return ErrorBody.of(e.status().getStatusCode(), e.code(), e.getMessage());
        }
    }

    /** The protocol's validation (room names, ids) speaks in frame errors; over HTTP they are bad requests. */
    @Provider
    public static class Frame implements ExceptionMapper<FrameException> {
        @Override
        public Response toResponse(FrameException e) {
            return ErrorBody.of(400, e.code(), e.getMessage());
        }
    }

    /** The container's own refusals: unknown path (404), wrong method (405), media types (406, 415). */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String code = type == null ? "http_" + status : type.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
            return ErrorBody.of(status, code, e.getMessage());
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.WARNING, "an HTTP API request failed", e);
            return ErrorBody.of(500, "internal", "the server failed while handling the request; it may be retried");
        }
    }
}
