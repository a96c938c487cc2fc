package io.tidings.history;

import io.tidings.support.Deployments;
import io.tidings.support.Frames;
import io.tidings.support.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code ack} means stored, with the run command's embedded default: the WAR is started with
 * {@code server-config/run.sh} (as the README's run command does), a client sends room messages and
 * records every {@code ack}, the container's JVM is killed with {@code kill -9} while messages are
 * in flight, and after a restart on the same data directory every acknowledged message is there
 * with its sequence number, and numbering goes on after the last stored one.
 */
class KillNineIT {

    /** Ports above the Arquillian-managed server's (and the standalone server's +7). */
    private static final int PORT_SHIFT = 9;
    private static final int ACKS_BEFORE_KILL = 400;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    private Process server;

    private static int port() {
        return Integer.getInteger("tidings.port", 8080) + PORT_SHIFT;
    }

    private Process start() throws IOException {
        String container = System.getProperty("arquillian.launch", "wildfly");
        Path log = Path.of("target", "kill-nine-" + container + "-server.log");
        ProcessBuilder builder = new ProcessBuilder("bash",
                Path.of(System.getProperty("tidings.root", ".."), "server-config", "run.sh").toString(), container)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JBOSS_HOME", System.getProperty("jboss.home", ""));
        env.put("PAYARA_MICRO_JAR", System.getProperty("payara.micro.jar", ""));
        env.put("TIDINGS_WAR", Deployments.built().getAbsolutePath());
        env.put("TIDINGS_PORT", String.valueOf(port()));
        env.put("TIDINGS_PORT_OFFSET", String.valueOf(Integer.getInteger("wildfly.port.offset", 0) + PORT_SHIFT));
        env.put("TIDINGS_DATA", data.toString());
        // Fast enough that a kill meets messages in every stage: queued, in a batch, committed.
        env.put("TIDINGS_SETTINGS", "tidings.limits.rate-per-second=100000 tidings.limits.rate-burst=100000");
        Process process = builder.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertTrue(process.isAlive(), () -> "the server stopped; its output: " + tail(log));
            return status("api/health/ready") == 200;
        });
        return process;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 8000 ? text.substring(text.length() - 8000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonObject getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static TestClient connect() {
        TestClient client = TestClient.open(URI.create("ws://127.0.0.1:" + port() + "/tidings/ws?name=durable"),
                Map.of("Origin", "http://127.0.0.1:" + port()), List.of());
        client.expect("welcome");
        return client;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + "/tidings/" + path);
    }

    /** SIGKILL for the server's JVM and the scripts around it: no shutdown hook, no flush. */
    private static void killNine(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> process.descendants().noneMatch(ProcessHandle::isAlive));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            killNine(server);
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKillNineWithItsSequence() throws Exception {
        String room = Frames.uniqueRoom("kill-nine");
        Map<String, Long> acked = new HashMap<>();
        server = start();
        try (TestClient client = connect()) {
            Frames.joinRoom(client, room);
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 100_000 && client.trySend(Frames.message(room, "m" + i, "m" + i)); i++) {
                    // pipelined: acks are read on the test thread
                }
            }, "kill-nine-sender");
            sender.setDaemon(true);
            sender.start();
            while (acked.size() < ACKS_BEFORE_KILL) {
                JsonObject frame = client.next();
                if ("ack".equals(frame.getString("type"))) {
                    acked.put(frame.getString("ref"), frame.getJsonNumber("seq").longValue());
                }
            }
            killNine(server);
            // Acks that were already on their way when the JVM died count too.
            for (JsonObject frame : client.drain()) {
                if ("ack".equals(frame.getString("type"))) {
                    acked.put(frame.getString("ref"), frame.getJsonNumber("seq").longValue());
                }
            }
        }

        server = start();
        Map<Long, String> stored = new HashMap<>();
        long after = 0;
        while (true) {
            List<JsonObject> page = getJson("api/rooms/" + room + "/messages?name=durable&limit=500&after=" + after)
                    .getJsonArray("messages").getValuesAs(JsonObject.class);
            if (page.isEmpty()) {
                break;
            }
            for (JsonObject message : page) {
                stored.put(message.getJsonNumber("seq").longValue(), Frames.textOf(message));
                after = Math.max(after, message.getJsonNumber("seq").longValue());
            }
        }
        List<String> lost = new ArrayList<>();
        acked.forEach((ref, seq) -> {
            if (!ref.equals(stored.get(seq))) {
                lost.add(ref + "@" + seq + " (stored there: " + stored.get(seq) + ")");
            }
        });
        assertTrue(lost.isEmpty(), lost.size() + " of " + acked.size() + " acknowledged messages are not stored as acknowledged: "
                + lost.subList(0, Math.min(20, lost.size())));
        for (long seq = 1; seq <= after; seq++) {
            assertTrue(stored.containsKey(seq), "sequence " + seq + " is missing below the last stored " + after);
        }
        try (TestClient client = connect()) {
            Frames.joinRoom(client, room);
            JsonObject next = Frames.say(client, room, "after the restart");
            assertEquals(after + 1, next.getJsonNumber("seq").longValue(), next.toString());
        }
    }
}
