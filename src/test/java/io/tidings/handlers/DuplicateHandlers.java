package io.tidings.handlers;

import io.tidings.api.Handles;
import jakarta.enterprise.context.ApplicationScoped;

/** Test beans that break the handler rules; each is deployed in a WAR that must fail to deploy. */
public final class DuplicateHandlers {

    private DuplicateHandlers() {
    }

    @ApplicationScoped
    public static class First {
        @Handles("app.twice")
        public String handle() {
            return "first";
        }
    }

    @ApplicationScoped
    public static class Second {
        @Handles("app.twice")
        public String handle() {
            return "second";
        }
    }

    @ApplicationScoped
    public static class BuiltIn {
        @Handles("join")
        public String handle() {
            return "mine";
        }
    }
}
