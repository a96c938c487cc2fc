package io.tidings.connections;

import io.tidings.support.Deployments;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs inside the container: real sockets from the container's own WebSocket client, the real registry. */
@ExtendWith(ArquillianExtension.class)
class ConnectionRegistryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestSupport(ConnectionRegistryIT.class);
    }

    @Inject
    ConnectionRegistry registry;

    @Test
    void registryTracksOpenAndClosedConnections() {
        Instant before = Instant.now();
        try (TestClient first = TestClient.open(Server.ws("ws?name=first"));
             TestClient second = TestClient.open(Server.ws("ws?name=second"))) {
            String firstId = first.next().getJsonObject("data").getString("connection");
            String secondId = second.next().getJsonObject("data").getString("connection");

            Connection connection = registry.find(firstId).orElseThrow();
            assertEquals("first", connection.user());
            assertEquals("127.0.0.1", connection.remoteAddress());
            assertFalse(connection.openedAt().isBefore(before.minusSeconds(1)));
            assertTrue(connection.isOpen());
            assertTrue(registry.find(secondId).isPresent());
            assertTrue(registry.all().stream().anyMatch(c -> c.id().equals(secondId)));

            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.find(firstId).isEmpty());
            assertTrue(registry.find(secondId).isPresent(), "closing one connection must not remove another");

            second.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.find(secondId).isEmpty());
        }
    }

    @Test
    void sendingToAConnectionReachesItsSocket() {
        try (TestClient client = TestClient.open(Server.ws("ws"))) {
            String id = client.next().getJsonObject("data").getString("connection");
            registry.find(id).orElseThrow().send(io.tidings.protocol.Envelope.of("hello", jakarta.json.Json.createValue("from the registry")));
            assertEquals("from the registry", client.expect("hello").getString("data"));
        }
    }
}
