package io.tidings.config;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.List;

/**
 * Fails the deployment when a setting has a value its {@link Rule} does not allow, with one line per
 * setting naming it, the value, where it was set and what is allowed. Nothing starts with a bad
 * value, instead of failing at first use.
 */
@WebListener
public class SettingsCheck implements ServletContextListener {

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Tidings cannot start; fix these settings (see docs/configuration.md):\n  "
                    + String.join("\n  ", problems));
        }
    }
}
