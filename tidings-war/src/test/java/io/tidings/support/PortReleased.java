package io.tidings.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Before each test class on Payara Micro: waits until nothing listens on the test port. The
 * Payara Micro Arquillian adapter (3.1) starts a new Payara Micro for every test class and stops
 * the previous one with {@code Process.destroy()} without waiting for it to exit, so a new one can
 * start while the old one still holds the port and fail with "Address already in use". Registered
 * for every test class (META-INF/services, auto-detected), before the Arquillian extension.
 */
public final class PortReleased implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!"payara".equals(System.getProperty("arquillian.launch"))) {
            return;
        }
        await("port " + Server.port() + " released by the previous Payara Micro")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !listening(Server.port()));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
