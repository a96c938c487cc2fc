package io.tidings.history;

import io.tidings.support.Deployments;
import io.tidings.support.Frames;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Room history lives in the database, not in memory: it is still there after the WAR is redeployed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryRedeployIT {

    private static final String NAME = "redeployable";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void historyAndSequenceNumbersSurviveARedeploy() {
        String room = Frames.uniqueRoom("durable");
        deployer.deploy(NAME);
        try (TestClient ada = TestClient.connect(Server.ws("ws?name=ada"))) {
            Frames.joinRoom(ada, room);
            Frames.say(ada, room, "first");
            Frames.say(ada, room, "second");
        }
        deployer.undeploy(NAME);

        deployer.deploy(NAME);
        try (TestClient bob = TestClient.connect(Server.ws("ws?name=bob"))) {
            JsonObject joined = Frames.joinRoom(bob, room);
            assertEquals(List.of("first", "second"), joined.getJsonObject("data").getJsonArray("messages")
                    .getValuesAs(JsonObject.class).stream().map(Frames::textOf).toList());
            JsonObject ack = Frames.say(bob, room, "third");
            assertEquals(3, ack.getJsonNumber("seq").longValue(), "sequence numbers continue after the redeploy");
        } finally {
            deployer.undeploy(NAME);
        }
    }
}
