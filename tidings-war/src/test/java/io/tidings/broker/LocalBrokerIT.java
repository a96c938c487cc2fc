package io.tidings.broker;

import io.tidings.protocol.Envelope;
import io.tidings.support.Deployments;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs inside the container: the real fan-out, with real sockets from the container's client. */
@ExtendWith(ArquillianExtension.class)
class LocalBrokerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestSupport(LocalBrokerIT.class);
    }

    @Inject
    Broker broker;

    @Test
    void frameForAUserReachesEverySocketOfThatUserAndNoOtherUser() {
        try (TestClient desktop = TestClient.connect(Server.ws("ws?name=fay"));
             TestClient phone = TestClient.connect(Server.ws("ws?name=fay"));
             TestClient other = TestClient.connect(Server.ws("ws?name=gus"))) {
            int sockets = broker.toUser("fay", Envelope.of("notice", Json.createValue("for fay")));
            assertEquals(2, sockets);
            assertEquals("for fay", desktop.expect("notice").getString("data"));
            assertEquals("for fay", phone.expect("notice").getString("data"));
            other.expectNone(f -> "notice".equals(f.getString("type")), Duration.ofSeconds(1));
        }
    }

    @Test
    void frameForEveryoneReachesEveryConnection() {
        try (TestClient first = TestClient.connect(Server.ws("ws?name=hal"));
             TestClient second = TestClient.connect(Server.ws("ws/rooms/lobby?name=ivy"))) {
            broker.toAll(Envelope.of("announcement", Json.createValue("maintenance at noon")));
            assertEquals("maintenance at noon", first.expect("announcement").getString("data"));
            assertEquals("maintenance at noon", second.expect("announcement").getString("data"));
        }
    }
}
