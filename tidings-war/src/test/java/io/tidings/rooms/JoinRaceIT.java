package io.tidings.rooms;

import io.tidings.support.Deployments;
import io.tidings.support.Frames;
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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A join is ordered against the messages stored meanwhile by sequence number: members that join
 * while a stream of messages is being stored each see every message once, in order, first in their
 * {@code joined} catch-up and then live, with no gap and no duplicate at the seam.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JoinRaceIT {

    static final int MESSAGES = 400;
    static final int JOINERS = 8;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addAsResource(new StringAsset(
                "tidings.limits.rate-per-second=100000\ntidings.limits.rate-burst=100000\n"), "tidings.properties");
    }

    @Test
    void membersJoiningDuringAStreamSeeEverySequenceOnceInOrder() {
        String room = Frames.uniqueRoom("race");
        List<TestClient> joiners = new ArrayList<>();
        try (TestClient sender = TestClient.connect(Server.ws("ws?name=racer"))) {
            Frames.joinRoom(sender, room);
            for (int i = 0; i < MESSAGES; i++) {
                sender.send("{\"type\":\"message\",\"room\":\"" + room + "\",\"echo\":false,\"data\":{\"text\":\"m" + i + "\"}}");
                if (i % (MESSAGES / JOINERS) == 10) {
                    TestClient joiner = TestClient.connect(Server.ws("ws?name=joiner" + joiners.size()));
                    joiner.send(Frames.joinSince(room, 0, "j"));
                    joiners.add(joiner);
                }
            }
            for (TestClient joiner : joiners) {
                JsonObject joined = joiner.expect(f -> "joined".equals(f.getString("type")), "joined");
                List<Long> seqs = new ArrayList<>();
                joined.getJsonObject("data").getJsonArray("messages").getValuesAs(JsonObject.class)
                        .forEach(m -> seqs.add(m.getJsonNumber("seq").longValue()));
                assertEquals(joined.getJsonNumber("seq").longValue(), seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1),
                        "the catch-up ends at the joined frame's seq");
                while (seqs.size() < MESSAGES) {
                    seqs.add(joiner.expect("message").getJsonNumber("seq").longValue());
                }
                assertEquals(LongStream.rangeClosed(1, MESSAGES).boxed().toList(), seqs, "every message once, in order");
            }
        } finally {
            joiners.forEach(TestClient::close);
        }
    }
}
