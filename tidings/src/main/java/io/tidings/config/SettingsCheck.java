package io.tidings.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Fails the deployment when a setting has a value its {@link Rule} does not allow, with one line per
 * setting naming it, the value, where it was set and what is allowed. It is the first thing that
 * runs when the application starts (before the schema migrations, the workers and the servlet
 * listeners), so nothing starts with a bad value and no other part fails on one first.
 */
@ApplicationScoped
class SettingsCheck {

    @Inject
    Settings settings;

    void check(@Observes @Priority(Settings.CHECK_PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Tidings cannot start; fix these settings (see docs/configuration.md):\n  "
                    + String.join("\n  ", problems));
        }
    }
}
