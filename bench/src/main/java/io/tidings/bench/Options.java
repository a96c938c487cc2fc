package io.tidings.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line: a scenario name followed by {@code --option value} pairs, each with a default. */
record Options(String scenario, Map<String, String> values) {

    static final String USAGE = """
            usage: Bench <idle|rooms|fanout|churn|notify> [--option value ...]
              --url ws://127.0.0.1:48080/tidings/ws   the server's WebSocket
              --server-pid N          the server JVM, for CPU, RSS, threads and heap after GC (optional)
              --container NAME        wildfly or payara, for the file names (default: unknown)
              --connections N         sockets to open (idle/rooms/fanout: 5000, notify: 1000)
              --room-size N           members per room (rooms: 50)
              --rates 200,400,...     broadcasts/s per step (rooms: 200,400,800,1600) or notifications/s (notify: 50,100,200)
              --step-seconds N        length of each rate step (rooms: 30, notify: 20)
              --warmup-seconds N      unrecorded warm-up at the first rate (rooms, fanout, notify: 10)
              --admin-key KEY         tidings.admin.api-key of the server (notify: bench-admin-key, as run.sh sets)
              --http-in-flight N      notification posts open at once; a post beyond is skipped and counted (notify: 64)
              --p99-limit-ms N        a step passes with no loss and a p99 under this (rooms: 100)
              --rate N                broadcasts/s (fanout: 10) or connections/s (churn: 50)
              --in-flight N           closed-loop messages in flight (fanout: 4)
              --duration-seconds N    length of the run (fanout: 30 per variant, churn: 180, idle: hold 10)
              --lifetime-seconds N    how long a churned connection stays open (churn: 5)
              --drain-seconds N       how long to wait for stragglers before counting losses (5)
              --open-concurrency N    handshakes in flight at once (100)
              --selectors N           event-loop threads that read and write the sockets (2)
              --transport epoll|nio   Netty's native epoll transport (Linux) or the JDK selector (epoll)
              --out DIR               where results go (default: results)
            """;

    static Options parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("name a scenario first\n" + USAGE);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected '--option value', got '" + args[i] + "'\n" + USAGE);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new Options(args[0], values);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    List<Integer> integers(String name, String fallback) {
        List<Integer> list = new ArrayList<>();
        Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(Integer::parseInt).forEach(list::add);
        return list;
    }

    URI url() {
        return URI.create(text("url", "ws://127.0.0.1:48080/tidings/ws"));
    }

    long serverPid() {
        return Long.parseLong(text("server-pid", "0"));
    }

    String container() {
        return text("container", "unknown");
    }

    Path out() {
        return Path.of(text("out", "results"));
    }

    int drainSeconds() {
        return integer("drain-seconds", 5);
    }

    int openConcurrency() {
        return integer("open-concurrency", 100);
    }
}
