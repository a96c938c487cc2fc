package io.tidings.handlers;

import io.tidings.api.Handles;
import jakarta.enterprise.context.ApplicationScoped;

/** Test bean: one of two handlers for one type, which must fail the deployment. */
@ApplicationScoped
public class FirstTwice {
    @Handles("app.twice")
    public String handle() {
        return "first";
    }
}
