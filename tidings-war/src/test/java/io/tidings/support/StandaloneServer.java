package io.tidings.support;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Starts the container of the active profile as a process of its own with one WAR, for tests about
 * deployments that must fail (the Payara Micro Arquillian adapter does not report a failed
 * deployment and leaves the process running). Its console output is read line by line.
 * Ports are shifted so it never meets the Arquillian-managed server.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final int PORT_SHIFT = 7;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder output = new StringBuilder();

    private StandaloneServer(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "standalone-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static StandaloneServer start(WebArchive war) throws IOException {
        Path dir = Files.createTempDirectory("tidings-standalone");
        File warFile = dir.resolve(war.getName()).toFile();
        war.as(ZipExporter.class).exportTo(warFile, true);
        boolean payara = "payara".equals(System.getProperty("arquillian.launch"));
        ProcessBuilder builder = payara ? payara(dir, warFile) : wildfly(dir, warFile);
        return new StandaloneServer(builder.redirectErrorStream(true).start());
    }

    private static ProcessBuilder payara(Path dir, File war) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dtidings.test.database=" + dir.resolve("database"), // read by the tests' pre-boot file
                "-jar", System.getProperty("payara.micro.jar"), "--nohazelcast", "--disablephonehome",
                "--port", String.valueOf(Server.port() + PORT_SHIFT), "--rootdir", dir.resolve("root").toString(),
                "--prebootcommandfile", System.getProperty("payara.preboot"), "--deploy", war.getPath());
    }

    private static ProcessBuilder wildfly(Path dir, File war) throws IOException {
        Path home = Path.of(System.getProperty("jboss.home"));
        Path base = dir.resolve("standalone");
        copy(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(war.toPath(), base.resolve("deployments").resolve(war.getName()));
        int offset = Integer.getInteger("wildfly.port.offset", 0) + PORT_SHIFT;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + offset);
        builder.environment().put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        return builder;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void read() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("[output closed: " + e.getMessage() + "]");
        }
    }

    /** Waits for a console line matching the predicate; fails with the output so far when none comes. */
    public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null) {
                output.append(line).append('\n');
                if (wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no such line within " + timeout + "; output:\n" + tail());
    }

    private String tail() {
        return output.length() > 20_000 ? output.substring(output.length() - 20_000) : output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
