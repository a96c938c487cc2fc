package io.tidings.config;

import io.tidings.support.Deployments;
import io.tidings.support.StandaloneServer;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * A WAR with a setting its rule does not allow must not deploy, and the container's log must name
 * the setting, the value, where it was set and what is allowed. The container of the active
 * profile is started on its own with that WAR.
 */
class SettingsValidationIT {

    private static final Duration BOOT = Duration.ofMinutes(3);

    @Test
    void aBadValueFailsTheDeploymentWithAMessageNamingTheSettingTheValueAndWhatIsAllowed() throws Exception {
        WebArchive war = Deployments.war("bad-settings.war").addAsResource(new StringAsset(
                "tidings.limits.frame-bytes=lots\ntidings.auth.modes=guest,magic\n"), "tidings.properties");
        try (StandaloneServer server = StandaloneServer.start(war)) {
            // One line per setting, in the order of Setting.
            server.awaitLine(line -> line.contains("tidings.auth.modes = 'guest,magic' (tidings.properties) is not allowed"), BOOT);
            server.awaitLine(line -> line.contains("tidings.limits.frame-bytes = 'lots' (tidings.properties) is not allowed:"
                    + " it must be a whole number of at least 1"), BOOT);
        }
    }
}
