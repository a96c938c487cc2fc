package io.tidings.security;

import io.tidings.support.Deployments;
import io.tidings.support.Http;
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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.tidings.support.Frames.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code container} mode end to end: the container (Jakarta Security, BASIC, an identity store
 * in the WAR) authenticates the upgrade request; Tidings takes its principal and roles, grants a
 * private room by role and the HTTP API's admin operations to the admin role.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerAuthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        String settings = String.join("\n",
                "tidings.auth.modes=container",
                "tidings.auth.container.roles=staff,tidings-admin",
                "tidings.rooms.access=classpath:container-rooms.properties");
        return Deployments.war()
                .addClass(BasicSignIn.class)
                .addAsResource(new StringAsset(settings), "tidings.properties")
                .addAsResource(new StringAsset("staff-* = role:staff\n"), "container-rooms.properties");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static TestClient signIn(String user) {
        TestClient client = TestClient.open(Server.ws("ws"), Map.of("Authorization", basic(user, BasicSignIn.PASSWORD)), List.of());
        assertEquals(user, client.expect("welcome").getJsonObject("data").getString("user"));
        return client;
    }

    private static JsonObject replyTo(TestClient client, String ref) {
        return client.expect(frame -> ref.equals(frame.getString("ref", null)), "the reply to " + ref);
    }

    @Test
    void theContainersPrincipalIsTheUserAndItsRolesOpenPrivateRooms() {
        String room = uniqueRoom("staff");
        try (TestClient alice = signIn("c-alice");
             TestClient bob = signIn("c-bob")) {
            alice.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"ref\":\"a\"}");
            assertEquals("joined", replyTo(alice, "a").getString("type"));
            bob.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"ref\":\"b\"}");
            JsonObject refused = replyTo(bob, "b");
            assertEquals("error", refused.getString("type"), refused.toString());
            assertEquals("forbidden", refused.getJsonObject("data").getString("code"));
        }
    }

    @Test
    void aHandshakeWithoutValidContainerCredentialsIsRefusedBeforeTheUpgrade() {
        Map<String, String> origin = Map.of("Origin", Server.origin());
        try (RawSocket anonymous = RawSocket.handshake("ws", origin);
             RawSocket wrongPassword = RawSocket.handshake("ws", Map.of("Origin", Server.origin(),
                     "Authorization", basic("c-alice", "wrong")));
             RawSocket unknown = RawSocket.handshake("ws", Map.of("Origin", Server.origin(),
                     "Authorization", basic("mallory", BasicSignIn.PASSWORD)));
             RawSocket guest = RawSocket.handshake("ws?name=c-alice", origin)) {
            assertEquals(401, anonymous.status());
            assertEquals(401, wrongPassword.status());
            assertEquals(401, unknown.status());
            assertEquals(401, guest.status(), "guest mode is off: a nickname is no credential");
        }
    }

    @Test
    void theAdminRoleOpensTheAdminApiAndOtherCallersAreForbidden() {
        assertEquals(200, Http.send(Http.request("connections").header("Authorization", basic("c-root", BasicSignIn.PASSWORD))).status());
        assertEquals(403, Http.send(Http.request("connections").header("Authorization", basic("c-alice", BasicSignIn.PASSWORD))).status());
        assertEquals(401, Http.get("connections").status());
    }
}
