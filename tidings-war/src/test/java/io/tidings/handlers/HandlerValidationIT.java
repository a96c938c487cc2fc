package io.tidings.handlers;

import io.tidings.support.Deployments;
import io.tidings.support.StandaloneServer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * A WAR whose handlers break the rules must not deploy, and the container's log must say why.
 * The container of the active profile is started on its own with that WAR.
 */
class HandlerValidationIT {

    private static final Duration BOOT = Duration.ofMinutes(3);

    @Test
    void twoHandlersForOneTypeOrAHandlerForABuiltInTypeFailTheDeploymentWithAClearMessage() throws Exception {
        WebArchive war = Deployments.war("invalid-handlers.war").addClasses(FirstTwice.class, SecondTwice.class);
        try (StandaloneServer server = StandaloneServer.start(war)) {
            server.awaitLine(line -> line.contains("two @Handles(\"app.twice\") methods")
                    && line.contains("FirstTwice.handle") && line.contains("SecondTwice.handle"), BOOT);
        }
        WebArchive builtIn = Deployments.war("builtin-handler.war").addClasses(ClashingJoin.class);
        try (StandaloneServer server = StandaloneServer.start(builtIn)) {
            server.awaitLine(line -> line.contains("@Handles(\"join\")") && line.contains("Tidings handles 'join' itself"), BOOT);
        }
    }
}
