package io.tidings.api;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A connection opened ({@link Connected}) or closed ({@link Disconnected}):
 * {@code void online(@Observes @ConnectionEvent.Connected ConnectionEvent event)}.
 * Observers are called synchronously on the socket's thread, without a request context; an
 * exception in an observer is logged and does not affect the connection.
 */
public record ConnectionEvent(String connectionId, String user, String remoteAddress, Instant at) {

    @Qualifier
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
    public @interface Connected {
        final class Literal extends AnnotationLiteral<Connected> implements Connected {
            public static final Literal INSTANCE = new Literal();
        }
    }

    @Qualifier
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
    public @interface Disconnected {
        final class Literal extends AnnotationLiteral<Disconnected> implements Disconnected {
            public static final Literal INSTANCE = new Literal();
        }
    }
}
