package io.tidings.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A WebSocket client on a plain socket, for what a library client will not do: send exactly the
 * handshake headers given (or none), read the HTTP status of a refused handshake, never answer a
 * ping, and stop reading altogether.
 */
public final class RawSocket implements AutoCloseable {

    /** A frame as read from the wire. */
    public record Frame(int opcode, byte[] payload) {
        public int closeCode() {
            return payload.length >= 2 ? ByteBuffer.wrap(payload).getShort() & 0xffff : 1005;
        }

        /** The reason phrase of a close frame. */
        public String reason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int status;

    private RawSocket(Socket socket, int status) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.status = status;
    }

    /** Sends a handshake to {@code /tidings/<pathAndQuery>} with these headers only (besides the WebSocket ones). */
    public static RawSocket handshake(String pathAndQuery, Map<String, String> headers, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", Server.port()), (int) TestClient.TIMEOUT.toMillis());
            socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            StringBuilder request = new StringBuilder("GET /tidings/" + pathAndQuery + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(Server.port()).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(new byte[16])).append("\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            return new RawSocket(socket, readHead(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawSocket handshake(String pathAndQuery, Map<String, String> headers) {
        return handshake(pathAndQuery, headers, 0);
    }

    /** The handshake's HTTP status: 101 when the WebSocket was opened. */
    public int status() {
        return status;
    }

    /** Reads the status line and headers, byte by byte so no frame byte is consumed. */
    private static int readHead(Socket socket) throws IOException {
        var head = new ByteArrayOutputStream();
        var input = socket.getInputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = input.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP response: " + text);
        }
        return Integer.parseInt(text.substring(9, 12));
    }

    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int length = in.readUnsignedByte() & 0x7f;
        long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
        byte[] payload = new byte[(int) size];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** Reads, never answering pings, until the server's close frame, and returns it. */
    public Frame awaitClose(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Frame frame = readFrame();
                if (frame.opcode() == 8) {
                    return frame;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no close frame within " + within, e);
        } catch (IOException e) {
            throw new AssertionError("connection ended without a close frame", e);
        }
        throw new AssertionError("no close frame within " + within);
    }

    /**
     * Reads past everything the server had queued and returns the close code, or empty when the
     * connection ended without a close frame.
     */
    public java.util.Optional<Integer> awaitCloseOrEnd(Duration within) {
        try {
            return java.util.Optional.of(awaitClose(within).closeCode());
        } catch (AssertionError e) {
            if (e.getCause() instanceof java.io.EOFException || e.getCause() instanceof java.net.SocketException) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    public void setReadTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a masked text frame, as a client must. */
    public void sendText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        var frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(new byte[4], 0, 4); // a zero mask leaves the payload as is
        frame.write(payload, 0, payload.length);
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes as they are (a forged frame header, an unmasked frame); false when the server already shut the connection. */
    public boolean sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Closes as a client does: a close frame (1000) when the WebSocket is open, then the TCP
     * connection once the server answered or closed (at most 2 s). The server then forgets the
     * connection at once, instead of when its heartbeat finds the peer gone: Tyrus can miss a TCP
     * close that comes right after the upgrade.
     */
    @Override
    public void close() {
        if (status == 101 && !socket.isClosed()) {
            try {
                out.write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xE8}); // masked, zero mask, 1000
                out.flush();
                socket.shutdownOutput();
                socket.setSoTimeout(2000);
                byte[] sink = new byte[8192];
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                    // what the server still sends, up to its close frame and the end of the stream
                }
            } catch (IOException e) {
                // the server closed first
            }
        }
        drop();
    }

    /** Closes the TCP connection at once, with no close frame: a client that vanished. */
    public void drop() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
