package io.tidings.socket;

import io.tidings.support.Deployments;
import io.tidings.support.RawSocket;
import io.tidings.support.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Frames no client library would write, sent byte by byte. What each container does with them is
 * in the README (Protocol, close codes): WildFly refuses a frame over the limit while it arrives
 * (1009) and an unmasked frame (1002); Tyrus on Payara Micro reads a frame's whole declared payload
 * into its incoming buffer before anyone can look at it, which the jar's web-fragment.xml sizes at twice
 * the frame limit, and never checks the mask bit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FramingIT {

    static final boolean PAYARA = "payara".equals(System.getProperty("arquillian.launch"));
    /** The frame limit of the test server (tidings.limits.frame-bytes, the default). */
    static final int FRAME_BYTES = 65_536;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static RawSocket open(String name) {
        RawSocket socket = RawSocket.handshake("ws?name=" + name, Map.of("Origin", Server.origin()));
        assertEquals(101, socket.status());
        socket.setReadTimeout(Duration.ofSeconds(10));
        return socket;
    }

    private static byte[] header(long length) {
        var frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | 127);
        frame.writeBytes(ByteBuffer.allocate(8).putLong(length).array());
        frame.writeBytes(new byte[4]); // a zero mask
        return frame.toByteArray();
    }

    @Test
    void aHeaderDeclaringATerabyteIsRefusedBeforeItsPayloadIsRead() {
        try (RawSocket socket = open("huge")) {
            socket.sendRaw(header(1L << 40));
            // Tyrus's own buffer would take 4 MB before closing; web-fragment.xml sizes it at 2 x 64 KB + 14.
            int kilobytes = PAYARA ? 2 * FRAME_BYTES / 1024 + 64 : 70;
            int sent = 0;
            while (sent < kilobytes && socket.sendRaw(new byte[1024])) {
                sent++; // the server may stop reading at any point
            }
            Optional<Integer> code = socket.awaitCloseOrEnd(Duration.ofSeconds(10));
            if (PAYARA) {
                // Tyrus: "Buffer overflow." once its incoming buffer is full, closed with 1011.
                assertTrue(code.isEmpty() || code.get() == 1011, "closed with " + code + " after " + sent + " KB");
            } else {
                assertEquals(Optional.of(1009), code, "after " + sent + " KB");
            }
        }
    }

    @Test
    void aFrameUpToTwiceTheLimitIsRefusedWith1009() {
        try (RawSocket socket = open("twice")) {
            byte[] payload = new byte[2 * FRAME_BYTES - 1024];
            java.util.Arrays.fill(payload, (byte) 'x');
            var frame = new ByteArrayOutputStream();
            frame.writeBytes(header(payload.length));
            frame.writeBytes(payload); // zero mask: the payload as it is
            socket.sendRaw(frame.toByteArray());
            assertEquals(Optional.of(1009), socket.awaitCloseOrEnd(Duration.ofSeconds(10)));
        }
    }

    @Test
    void anUnmaskedClientFrameIsAProtocolError() {
        assumeFalse(PAYARA, "Tyrus never checks the mask bit of a client frame (ProtocolHandler.unframe)");
        try (RawSocket socket = open("unmasked")) {
            byte[] payload = "{\"type\":\"ping\",\"ref\":\"u\"}".getBytes(StandardCharsets.UTF_8);
            var frame = new ByteArrayOutputStream();
            frame.write(0x81);
            frame.write(payload.length); // no mask bit
            frame.writeBytes(payload);
            socket.sendRaw(frame.toByteArray());
            assertEquals(Optional.of(1002), socket.awaitCloseOrEnd(Duration.ofSeconds(10)));
        }
    }
}
