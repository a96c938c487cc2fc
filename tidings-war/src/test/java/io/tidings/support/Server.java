package io.tidings.support;

import java.net.URI;

/** Where the application under test answers. Everything binds to loopback. */
public final class Server {

    private Server() {
    }

    public static int port() {
        return Integer.getInteger("tidings.port", 8080);
    }

    /** The application's own origin, as a browser on its page would send it. */
    public static String origin() {
        return "http://127.0.0.1:" + port();
    }

    public static URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + "/tidings/" + path);
    }

    public static URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + port() + "/tidings/" + pathAndQuery);
    }
}
