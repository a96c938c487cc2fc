package io.tidings.handlers;

import io.tidings.api.Handles;
import jakarta.enterprise.context.ApplicationScoped;

/** Test bean: the other of two handlers for one type. */
@ApplicationScoped
public class SecondTwice {
    @Handles("app.twice")
    public String handle() {
        return "second";
    }
}
