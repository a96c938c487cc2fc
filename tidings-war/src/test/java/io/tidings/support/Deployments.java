package io.tidings.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The deployment every integration test uses: the module's WAR exactly as {@code mvn package} built
 * it (system property {@code tidings.war}, set by the build), named so that it deploys at
 * {@code /tidings} on every container.
 */
public final class Deployments {

    public static final String NAME = "tidings.war";

    private Deployments() {
    }

    /** The WAR the module under test built. */
    public static File built() {
        return new File(System.getProperty("tidings.war", "target/" + NAME));
    }

    public static WebArchive war() {
        File built = built();
        if (!built.isFile()) {
            throw new IllegalStateException(built + " is missing: run the integration tests with 'mvn verify'");
        }
        return ShrinkWrap.create(ZipImporter.class, NAME).importFrom(built).as(WebArchive.class);
    }

    /** The WAR under another archive name, for tests with several deployments (it then deploys at /{name}). */
    public static WebArchive war(String archiveName) {
        return ShrinkWrap.create(WebArchive.class, archiveName).merge(war());
    }

    /** The WAR plus the test support classes and libraries an in-container test needs. */
    public static WebArchive warWithTestSupport(Class<?>... testClasses) {
        return war()
                .addClasses(testClasses)
                .addClasses(TestClient.class, TestClient.Listener.class, Server.class)
                .addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
