package io.tidings.security;

import io.tidings.support.Http;
import io.tidings.support.Jwts;
import io.tidings.support.RawSocket;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may open a WebSocket: the Origin allowlist and the jwt, api-key and guest modes together.
 * Every refusal must happen before the upgrade (an HTTP status, never a 101).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandshakeSecurityIT {

    static final Jwts JWTS = new Jwts();
    static final String LISTED_ORIGIN = "https://app.example.com";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Settings given later win: a properties file keeps the last value of a key.
        return JWTS.deployment(
                        "tidings.auth.modes=jwt,api-key,guest",
                        "tidings.auth.expiry-grace-seconds=1",
                        "tidings.auth.api-keys=classpath:test-keys/api-keys.properties",
                        "tidings.origins=" + Server.origin() + "," + LISTED_ORIGIN,
                        "tidings.heartbeat.interval-ms=500",
                        "tidings.idle-timeout-ms=6000")
                .addAsResource(new StringAsset("k-7f3a9c=billing-service,service\n"), "test-keys/api-keys.properties");
    }

    private static int handshake(String pathAndQuery, Map<String, String> headers) {
        try (RawSocket socket = RawSocket.handshake(pathAndQuery, headers)) {
            return socket.status();
        }
    }

    private static Map<String, String> withOrigin(String origin, String... more) {
        Map<String, String> headers = new HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static Map<String, String> bearer(String token) {
        return withOrigin(Server.origin(), "Sec-WebSocket-Protocol", "tidings.v1, bearer." + token);
    }

    @Test
    void handshakeFromTheApplicationsOwnOriginIsUpgraded() {
        assertEquals(101, handshake("ws?name=ada", withOrigin(Server.origin())));
    }

    @Test
    void handshakeFromAListedOriginIsUpgraded() {
        assertEquals(101, handshake("ws?name=ada", withOrigin(LISTED_ORIGIN)));
    }

    static Stream<String> refusedOrigins() {
        int port = Server.port();
        return Stream.of("http://evil.example", "null", "http://127.0.0.1." + "evil.example:" + port,
                "https://127.0.0.1:" + port, "http://127.0.0.1:" + (port + 1), "http://app.example.com",
                "https://app.example.com.evil.example", "https://app.example.com:8443", "");
    }

    @ParameterizedTest(name = "Origin \"{0}\"")
    @MethodSource("refusedOrigins")
    void handshakeFromAnyOtherOriginIsRefusedWith403BeforeTheUpgrade(String origin) {
        assertEquals(403, handshake("ws?name=ada", withOrigin(origin)));
    }

    @Test
    void handshakeWithoutOriginIsRefusedWith403() {
        assertEquals(403, handshake("ws?name=ada", withOrigin(null)));
    }

    @Test
    void validTokenInTheSubprotocolOpensAConnectionForItsSubject() {
        try (TestClient client = TestClient.open(Server.ws("ws"), Map.of(), List.of("tidings.v1", "bearer." + JWTS.token("t-alice")))) {
            assertEquals("t-alice", client.expect("welcome").getJsonObject("data").getString("user"));
            assertEquals("tidings.v1", client.session().getNegotiatedSubprotocol(), "the token must never be echoed back");
        }
    }

    @Test
    void validTokenAsAccessTokenParameterOpensAConnection() {
        try (TestClient client = TestClient.open(Server.ws("ws?access_token=" + JWTS.token("t-bob")))) {
            assertEquals("t-bob", client.expect("welcome").getJsonObject("data").getString("user"));
        }
    }

    static Stream<Arguments> forgedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("alg none", Jwts.unsigned("mallory")),
                Arguments.of("HS256 signed with the RSA public key", JWTS.signedWithPublicKeyAsSecret("mallory")),
                Arguments.of("signed by another key", new Jwts().token("mallory")),
                Arguments.of("expired", JWTS.token("mallory", c -> c.expirationTime(Date.from(now.minusSeconds(120))))),
                Arguments.of("not valid before a future time", JWTS.token("mallory", c -> c.notBeforeTime(Date.from(now.plusSeconds(120))))),
                Arguments.of("wrong audience", JWTS.token("mallory", c -> c.audience("someone-else"))),
                Arguments.of("wrong issuer", JWTS.token("mallory", c -> c.issuer("https://evil.example"))),
                Arguments.of("no expiry", JWTS.token("mallory", c -> c.expirationTime(null))),
                Arguments.of("tampered payload", JWTS.tampered("mallory", "alice")),
                Arguments.of("empty sub", JWTS.token("mallory", c -> c.subject(""))),
                Arguments.of("blank sub", JWTS.token("mallory", c -> c.subject("   "))),
                Arguments.of("sub padded with a space", JWTS.token("mallory", c -> c.subject(" alice"))),
                Arguments.of("sub with a space inside", JWTS.token("mallory", c -> c.subject("al ice"))),
                Arguments.of("sub with a control character", JWTS.token("mallory", c -> c.subject("alice\n"))),
                Arguments.of("sub of 129 characters", JWTS.token("mallory", c -> c.subject("a".repeat(129)))),
                Arguments.of("no sub", JWTS.token("mallory", c -> c.subject(null))),
                Arguments.of("blank iss", JWTS.token("mallory", c -> c.issuer(" "))),
                Arguments.of("empty aud", JWTS.token("mallory", c -> c.audience(""))),
                Arguments.of("empty token", ""),
                Arguments.of("garbage", "not.a.token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void forgedOrInvalidTokenIsRefusedWith401BeforeTheUpgrade(String description, String token) {
        assertEquals(401, handshake("ws", bearer(token)), description);
        assertEquals(401, handshake("ws?access_token=" + token, withOrigin(Server.origin())), description);
        assertEquals(401, handshake("ws?name=guesting", withOrigin(Server.origin(), "Authorization", "Bearer " + token)), description);
        Http.Reply api = Http.send(Http.request("rooms").header("Authorization", "Bearer " + token).GET());
        assertEquals(401, api.status(), description + ": " + api.body());
    }

    @Test
    void anEmptyCredentialIsRefusedWith401AndNeverFallsBackToGuest() {
        assertEquals(401, handshake("ws?name=guesting&access_token=", withOrigin(Server.origin())));
        assertEquals(401, handshake("ws?name=guesting", withOrigin(Server.origin(), "Authorization", "Bearer")));
        assertEquals(401, handshake("ws?name=guesting", withOrigin(Server.origin(), "X-API-Key", " ")));
        assertEquals(401, Http.send(Http.request("rooms?name=guesting&access_token=").GET()).status());
        assertEquals(101, handshake("ws?name=guesting", withOrigin(Server.origin())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth0|5f2b8c", "ada@example.com", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "urn:user:7", "Zoë"})
    void aSubjectAsIdentityProvidersWriteThemOpensAConnectionForIt(String subject) {
        try (TestClient client = TestClient.open(Server.ws("ws"), Map.of(), List.of("tidings.v1", "bearer." + JWTS.token(subject)))) {
            assertEquals(subject, client.expect("welcome").getJsonObject("data").getString("user"));
        }
    }

    @Test
    void knownApiKeyOpensAConnectionForItsUser() {
        try (TestClient client = TestClient.open(Server.ws("ws"), Map.of("X-API-Key", "k-7f3a9c"), List.of())) {
            assertEquals("billing-service", client.expect("welcome").getJsonObject("data").getString("user"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k-7f3a9d", "k-7f3a9", "billing-service", "K-7F3A9C"})
    void unknownApiKeyIsRefusedWith401(String key) {
        assertEquals(401, handshake("ws", withOrigin(Server.origin(), "X-API-Key", key)));
    }

    @Test
    void guestCannotTakeTheNameOfAnAuthenticatedUser() {
        try (TestClient carol = TestClient.connectWithToken(Server.ws("ws"), JWTS.token("t-carol"))) {
            assertEquals(403, handshake("ws?name=t-carol", withOrigin(Server.origin())));
            assertEquals(101, handshake("ws?name=t-carol2", withOrigin(Server.origin())));
        }
    }

    @Test
    void connectionWhoseTokenExpiresWithoutRefreshIsClosedWith4001() {
        String token = JWTS.token("t-dave", c -> c.expirationTime(Date.from(Instant.now().plusSeconds(2))));
        try (TestClient client = TestClient.connectWithToken(Server.ws("ws"), token)) {
            assertEquals(4001, client.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void refreshedTokenKeepsTheConnectionOpenPastTheOldExpiry() {
        String shortLived = JWTS.token("t-erin", c -> c.expirationTime(Date.from(Instant.now().plusSeconds(2))));
        try (TestClient client = TestClient.connectWithToken(Server.ws("ws"), shortLived)) {
            client.send("{\"type\":\"auth.refresh\",\"ref\":\"r1\",\"data\":{\"token\":\"" + JWTS.token("t-erin") + "\"}}");
            JsonObject ack = client.expect("ack");
            assertEquals("r1", ack.getString("ref"));
            assertTrue(Instant.parse(ack.getJsonObject("data").getString("expiresAt")).isAfter(Instant.now().plusSeconds(600)));
            // Past the old expiry plus its grace period (and a heartbeat), the connection still answers.
            client.expectNone(frame -> "error".equals(frame.getString("type")), Duration.ofSeconds(4));
            client.send("{\"type\":\"ping\",\"ref\":\"still-here\"}");
            assertEquals("still-here", client.expect("pong").getString("ref"));
        }
    }

    @Test
    void refreshWithAnInvalidTokenIsAnErrorAndA4001AndWithAnotherUsersTokenAnError() {
        for (String invalid : List.of(Jwts.unsigned("t-frank"), JWTS.token("t-frank", c -> c.subject("")),
                JWTS.token("t-frank", c -> c.subject("  ")))) {
            try (TestClient client = TestClient.connectWithToken(Server.ws("ws"), JWTS.token("t-frank"))) {
                client.send("{\"type\":\"auth.refresh\",\"ref\":\"bad\",\"data\":{\"token\":\"" + invalid + "\"}}");
                assertEquals("invalid_token", client.expect("error").getJsonObject("data").getString("code"));
                assertEquals(4001, client.awaitClose().getCloseCode().getCode());
            }
        }
        try (TestClient client = TestClient.connectWithToken(Server.ws("ws"), JWTS.token("t-frank"))) {
            client.send("{\"type\":\"auth.refresh\",\"ref\":\"other\",\"data\":{\"token\":\"" + JWTS.token("t-grace") + "\"}}");
            assertEquals("forbidden", client.expect("error").getJsonObject("data").getString("code"));
        }
    }

    @Test
    void connectionThatSendsNothingForTheIdleTimeoutIsClosedWith4000EvenThoughItAnswersPings() {
        try (TestClient client = TestClient.connect(Server.ws("ws?name=quiet"))) {
            var reason = client.awaitClose();
            assertEquals(4000, reason.getCloseCode().getCode());
            assertEquals("idle timeout", reason.getReasonPhrase());
        }
    }

    @Test
    void peerThatStopsAnsweringPingsIsClosedWith4000() throws IOException {
        try (RawSocket silent = RawSocket.handshake("ws?name=silent", withOrigin(Server.origin()))) {
            assertEquals(101, silent.status());
            assertEquals(1, silent.readFrame().opcode(), "the welcome frame");
            RawSocket.Frame close = silent.awaitClose(Duration.ofSeconds(10));
            assertEquals(4000, close.closeCode());
            assertTrue(close.reason().contains("pong"), close.reason());
        }
    }
}
