package io.tidings.security;

import io.tidings.support.Jwts;
import io.tidings.support.RawSocket;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A name an authenticated user has used stays closed to guests after the WAR is redeployed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeldNamesRedeployIT {

    private static final String NAME = "held-names";
    private static final Jwts JWTS = new Jwts();

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return JWTS.deployment();
    }

    @ArquillianResource
    Deployer deployer;

    private static int guestHandshake(String name) {
        try (RawSocket socket = RawSocket.handshake("ws?name=" + name, Map.of("Origin", Server.origin()))) {
            return socket.status();
        }
    }

    @Test
    void aGuestCannotTakeAnAuthenticatedUsersNameAfterARedeploy() {
        String user = "hana" + UUID.randomUUID().toString().substring(0, 6);
        deployer.deploy(NAME);
        try (TestClient hana = TestClient.connectWithToken(Server.ws("ws"), JWTS.token(user))) {
            hana.send("{\"type\":\"ping\",\"ref\":\"p\"}");
            hana.expect("pong");
        }
        deployer.undeploy(NAME);

        deployer.deploy(NAME);
        try {
            assertEquals(403, guestHandshake(user), "the name was held before the redeploy");
            assertEquals(101, guestHandshake(user + "x"));
        } finally {
            deployer.undeploy(NAME);
        }
    }
}
