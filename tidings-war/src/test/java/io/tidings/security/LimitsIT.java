package io.tidings.security;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.broker.Broker;
import io.tidings.protocol.Envelope;
import io.tidings.support.Deployments;
import io.tidings.support.RawSocket;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static io.tidings.support.Frames.joinRoom;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits on open connections, with small values so they are reached quickly. Runs in the
 * container so it can look at the registry and push frames to a connection directly.
 */
@ExtendWith(ArquillianExtension.class)
class LimitsIT {

    static final int FRAME_BYTES = 4096;
    static final int PER_ADDRESS = 30;

    @Deployment
    static WebArchive deployment() {
        String settings = String.join("\n",
                "tidings.limits.frame-bytes=" + FRAME_BYTES,
                "tidings.limits.rate-per-second=5",
                "tidings.limits.rate-burst=10",
                "tidings.limits.rate-strikes=20",
                "tidings.limits.connections-per-user=2",
                "tidings.limits.connections-per-address=" + PER_ADDRESS,
                "tidings.outbound.max-messages=256",
                "tidings.outbound.max-bytes=262144",
                "tidings.outbound.close-drain-ms=3000");
        return Deployments.warWithTestSupport(LimitsIT.class)
                .addClasses(RawSocket.class, RawSocket.Frame.class, io.tidings.support.Frames.class)
                .addAsResource(new StringAsset(settings), "tidings.properties");
    }

    @Inject
    ConnectionRegistry registry;

    @Inject
    Broker broker;

    @Inject
    ConnectionLimits limits;

    @Inject
    io.tidings.metrics.Metrics metrics;

    /** The send-timeout close counter as Prometheus shows it. */
    private double sendTimeoutCloses() {
        return metrics.prometheus().lines().filter(line -> line.startsWith("tidings_send_timeout_closes_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElseThrow();
    }

    /**
     * Connections of earlier tests may still be closing, and handshakes admitted but not yet open
     * count too: the limit tests start from none.
     */
    private void awaitEarlierConnectionsGone() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(List.of(), List.copyOf(registry.all()), "connections still open");
            assertEquals(0, limits.pending(), "handshakes admitted and not yet open");
        });
    }

    private static Map<String, String> sameOrigin() {
        return Map.of("Origin", Server.origin());
    }

    @Test
    void messageLargerThanTheFrameLimitClosesTheConnectionWith1009() {
        try (TestClient client = TestClient.connect(Server.ws("ws"))) {
            client.send("{\"type\":\"ping\",\"ref\":\"fits\",\"data\":\"" + "x".repeat(FRAME_BYTES - 100) + "\"}");
            assertEquals("fits", client.expect("pong").getString("ref"));
            client.send("{\"type\":\"ping\",\"data\":\"" + "x".repeat(FRAME_BYTES + 1) + "\"}");
            assertEquals(1009, client.awaitClose().getCloseCode().getCode());
            client.expectNone(frame -> "pong".equals(frame.getString("type")), Duration.ofMillis(200));
        }
    }

    @Test
    void clientOverItsRateIsToldThenClosedWith4029WhileAnotherClientIsServed() {
        try (TestClient flooder = TestClient.connect(Server.ws("ws?name=flooder"));
             TestClient neighbour = TestClient.connect(Server.ws("ws?name=neighbour"))) {
            for (int i = 0; i < 12; i++) {
                flooder.send("{\"type\":\"ping\"}");
            }
            assertEquals("rate_limited", flooder.expect("error").getJsonObject("data").getString("code"));
            neighbour.send("{\"type\":\"ping\",\"ref\":\"n1\"}");
            assertEquals("n1", neighbour.expect("pong").getString("ref"));
            // The server closes the flooder somewhere in this loop: a send after that is expected to fail.
            for (int i = 0; i < 40 && flooder.trySend("{\"type\":\"ping\"}"); i++) {
                // keep flooding
            }
            assertEquals(4029, flooder.awaitClose().getCloseCode().getCode());
            neighbour.send("{\"type\":\"ping\",\"ref\":\"n2\"}");
            assertEquals("n2", neighbour.expect("pong").getString("ref"));
        }
    }

    @Test
    void thirdConnectionOfOneUserIsRefusedWith429() {
        try (RawSocket first = RawSocket.handshake("ws?name=zed", sameOrigin());
             RawSocket second = RawSocket.handshake("ws?name=zed", sameOrigin())) {
            assertEquals(101, first.status());
            assertEquals(101, second.status());
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.count(c -> c.user().equals("zed")) == 2);
            try (RawSocket third = RawSocket.handshake("ws?name=zed", sameOrigin());
                 RawSocket otherUser = RawSocket.handshake("ws?name=yan", sameOrigin())) {
                assertEquals(429, third.status());
                assertEquals(101, otherUser.status());
            }
        }
    }

    @Test
    void simultaneousHandshakesOfOneUserCannotPassTheLimitTogether() throws Exception {
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RawSocket>> handshakes = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            handshakes.add(pool.submit(() -> {
                start.await();
                return RawSocket.handshake("ws?name=burst", sameOrigin());
            }));
        }
        start.countDown();
        List<RawSocket> sockets = new ArrayList<>();
        try {
            for (Future<RawSocket> handshake : handshakes) {
                sockets.add(handshake.get(30, TimeUnit.SECONDS));
            }
            assertEquals(2, sockets.stream().filter(socket -> socket.status() == 101).count(), "the per-user limit is 2");
            assertEquals(attempts - 2, sockets.stream().filter(socket -> socket.status() == 429).count());
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.count(c -> c.user().equals("burst")) == 2);
        } finally {
            sockets.forEach(RawSocket::close);
            pool.shutdownNow();
        }
    }

    @Test
    void connectionsFromOneAddressBeyondTheLimitAreRefusedWith429() {
        awaitEarlierConnectionsGone();
        List<RawSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                RawSocket socket = RawSocket.handshake("ws", sameOrigin());
                open.add(socket);
                assertEquals(101, socket.status(), "connection " + (i + 1));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.count(c -> c.remoteAddress().equals("127.0.0.1")) >= PER_ADDRESS);
            try (RawSocket refused = RawSocket.handshake("ws", sameOrigin())) {
                assertEquals(429, refused.status());
            }
        } finally {
            open.forEach(RawSocket::close);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (RawSocket again = RawSocket.handshake("ws", sameOrigin())) {
                return again.status() == 101;
            }
        });
    }

    @Test
    void connectionBeyondTheServerWideLimitIsRefusedWith503AndTheLimitIsReadLive() {
        awaitEarlierConnectionsGone();
        // In the container, a system property overrides the WAR's settings for the next handshake.
        System.setProperty("tidings.limits.connections", "2");
        try (RawSocket first = RawSocket.handshake("ws?name=one", sameOrigin());
             RawSocket second = RawSocket.handshake("ws?name=two", sameOrigin())) {
            assertEquals(101, first.status());
            assertEquals(101, second.status());
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.count() == 2);
            assertEquals(503, statusOf("ws?name=three", sameOrigin()));
            System.clearProperty("tidings.limits.connections");
            assertEquals(101, statusOf("ws?name=three", sameOrigin()));
        } finally {
            System.clearProperty("tidings.limits.connections");
        }
    }

    @Test
    void clientThatStopsReadingIsClosedWith4008AtItsCapWhileTwentyHealthyClientsLoseNothing() throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.count(c -> true) <= PER_ADDRESS - 21);
        String room = "crowd-" + UUID.randomUUID().toString().substring(0, 8);
        List<TestClient> healthy = new ArrayList<>();
        try (RawSocket stalled = RawSocket.handshake("ws?name=stalled", sameOrigin(), 4096)) {
            stalled.readFrame(); // welcome
            stalled.sendText("{\"type\":\"join\",\"room\":\"" + room + "\"}");
            while (!stalled.readFrame().text().contains("\"joined\"")) {
                // presence and other frames before the reply
            }
            for (int i = 0; i < 20; i++) {
                TestClient client = TestClient.connect(Server.ws("ws?name=healthy-" + i));
                healthy.add(client);
                joinRoom(client, room);
            }
            String padding = "p".repeat(16_000);
            int sent = 0;
            // Far more than the queue bound (256 KiB) plus what the kernel buffers on loopback (a few MiB).
            while (sent < 2_000 && registry.count(c -> c.user().equals("stalled")) == 1) {
                broker.toRoom(room, Envelope.of("bulk", Json.createObjectBuilder().add("n", sent).add("p", padding).build()), false, null);
                for (TestClient client : healthy) {
                    assertEquals(sent, client.expect("bulk").getJsonObject("data").getInt("n"), "frames arrive in order, none lost");
                }
                sent++;
            }
            assertTrue(sent < 2_000, "the stalled client was never cut off: its outbound bytes are not bounded");
            // For the record: how much a stalled reader costs before the cut (queue bound plus socket buffers).
            System.out.println("LimitsIT: stalled reader cut off after " + sent + " frames of 16 kB");
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.count(c -> c.user().equals("stalled")) == 0);
            // The client reads again: what was queued, then the 4008 close frame (sent once the drain
            // time passed, as this client never answers pings).
            assertEquals(java.util.Optional.of(4008), stalled.awaitCloseOrEnd(TestClient.TIMEOUT), "what it had queued, then 4008");
            for (TestClient client : healthy) {
                assertTrue(client.isOpen());
            }
        } finally {
            healthy.forEach(TestClient::close);
        }
    }

    @Test
    void sendThatWaitsLongerThanTheSendTimeoutClosesTheConnectionWith4000LongBeforeTheHeartbeatWould() throws IOException {
        // Read at the handshake; the heartbeat (every 30 s, 2 missed pongs) stays at its default.
        System.setProperty("tidings.outbound.send-timeout-ms", "1500");
        double timeoutsBefore = sendTimeoutCloses();
        try (RawSocket stalled = RawSocket.handshake("ws?name=stuck", sameOrigin(), 4096)) {
            stalled.readFrame(); // welcome, sent once the connection is registered; the client reads nothing more
            System.clearProperty("tidings.outbound.send-timeout-ms");
            Connection connection = registry.all().stream().filter(c -> c.user().equals("stuck")).findFirst().orElseThrow();
            String frame = "{\"type\":\"bulk\",\"p\":\"" + "p".repeat(4_000) + "\"}";
            // Frames until the kernel's and the container's buffers are full and a send stays in flight.
            // At most 16 frames wait in the queue, half its byte bound (256 KiB): the cut cannot be the
            // slow-consumer one.
            int sent = 0;
            while (registry.find(connection.id()).isPresent() && sent < 20_000) {
                if (connection.queued() >= 16) {
                    await().atMost(Duration.ofSeconds(5))
                            .until(() -> connection.queued() < 16 || registry.find(connection.id()).isEmpty());
                } else if (connection.sendText(frame, false)) {
                    sent++;
                } else {
                    break; // the send timed out; the cut follows on the managed executor
                }
            }
            // Send timeout (1.5 s) plus the check interval (1 s); the heartbeat would take a minute.
            await().atMost(Duration.ofSeconds(5)).until(() -> registry.find(connection.id()).isEmpty());
            System.out.println("LimitsIT: stuck reader cut off by the send timeout after " + sent + " frames of 4 kB");
            assertFalse(connection.sendText(frame, false), "a timed-out connection takes nothing more");
            assertEquals(timeoutsBefore + 1, sendTimeoutCloses(), "counted in tidings_send_timeout_closes_total");
            var code = stalled.awaitCloseOrEnd(TestClient.TIMEOUT);
            assertTrue(code.isEmpty() || code.get() == 4000, "what it had queued, then 4000 or the end of the connection: " + code);
        } finally {
            System.clearProperty("tidings.outbound.send-timeout-ms");
        }
    }

    @Test
    void credentialsAndMessageBodiesNeverReachTheLog() {
        String secret = "s3cr3t-" + UUID.randomUUID();
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger tidings = Logger.getLogger("io.tidings");
        Level before = tidings.getLevel();
        tidings.setLevel(Level.ALL);
        tidings.addHandler(capture);
        try {
            assertEquals(401, statusOf("ws?access_token=" + secret, sameOrigin()));
            assertEquals(401, statusOf("ws", Map.of("Origin", Server.origin(), "X-API-Key", secret)));
            assertEquals(403, statusOf("ws", Map.of("Origin", "http://evil.example", "Sec-WebSocket-Protocol", "tidings.v1, bearer." + secret)));
            try (TestClient client = TestClient.connect(Server.ws("ws"))) {
                client.send("{\"type\":\"no-such-type\",\"data\":\"" + secret + "\"}");
                client.expect("error");
                client.send("{\"type\":\"ping\",\"data\":\"" + secret + "x".repeat(FRAME_BYTES) + "\"}");
                client.awaitClose();
            }
        } finally {
            tidings.removeHandler(capture);
            tidings.setLevel(before);
        }
        assertFalse(records.isEmpty(), "the refused handshakes are logged (at FINE)");
        var formatter = new SimpleFormatter();
        for (LogRecord record : records) {
            assertFalse(formatter.format(record).contains(secret), "logged: " + formatter.format(record));
        }
    }

    private static int statusOf(String pathAndQuery, Map<String, String> headers) {
        try (RawSocket socket = RawSocket.handshake(pathAndQuery, headers)) {
            return socket.status();
        }
    }
}
