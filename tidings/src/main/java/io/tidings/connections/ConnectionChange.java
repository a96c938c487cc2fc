package io.tidings.connections;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fired synchronously by the {@link ConnectionRegistry} when a connection is ready ({@link Opened}:
 * its welcome is queued, and sent once the observers are done, ahead of what they send) and when it
 * is removed ({@link Closed}). Observers run on the thread that
 * opened or closed the socket and must not need a request context.
 */
public record ConnectionChange(Connection connection) {

    @Qualifier
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
    public @interface Opened {
        final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Opened> implements Opened {
            public static final Literal INSTANCE = new Literal();
        }
    }

    @Qualifier
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
    public @interface Closed {
        final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Closed> implements Closed {
            public static final Literal INSTANCE = new Literal();
        }
    }
}
