package io.tidings.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts every JAX-RS resource of the WAR (found by scanning) under {@code /api}. */
@ApplicationPath("api")
public class TidingsApi extends Application {
}
