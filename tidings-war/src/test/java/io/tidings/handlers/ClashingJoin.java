package io.tidings.handlers;

import io.tidings.api.Handles;
import jakarta.enterprise.context.ApplicationScoped;

/** Test bean: a handler for a type Tidings handles itself, which must fail the deployment. */
@ApplicationScoped
public class ClashingJoin {
    @Handles("join")
    public String handle() {
        return "mine";
    }
}
