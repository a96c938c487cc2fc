package io.tidings.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the API under test: every call returns status, headers and body. */
public final class Http {

    /** The admin key the test servers are started with (arquillian.xml). */
    public static final String ADMIN_KEY = "test-admin-key";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** A response with its body parsed as a JSON object when it is one. */
    public record Reply(int status, String contentType, String body) {
        public JsonObject json() {
            try {
                return Json.createReader(new StringReader(body)).readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object (status " + status + "): " + body, e);
            }
        }

        public String code() {
            return json().getString("code");
        }
    }

    public static HttpRequest.Builder request(String apiPath) {
        return HttpRequest.newBuilder(Server.http("api/" + apiPath)).timeout(Duration.ofSeconds(30));
    }

    public static Reply get(String apiPath) {
        return send(request(apiPath).GET());
    }

    public static Reply adminGet(String apiPath) {
        return send(request(apiPath).header("X-API-Key", ADMIN_KEY).GET());
    }

    public static Reply post(String apiPath, String body) {
        return send(request(apiPath).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static Reply adminPost(String apiPath, String body) {
        return send(request(apiPath).header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static Reply adminDelete(String apiPath) {
        return send(request(apiPath).header("X-API-Key", ADMIN_KEY).DELETE());
    }

    public static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
