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
 * A connection joined ({@link Joined}) or left ({@link Left}) a room, including by disconnecting:
 * {@code void entered(@Observes @RoomEvent.Joined RoomEvent event)}.
 * Observers are called synchronously, without a request context; exceptions are logged.
 */
public record RoomEvent(String room, String user, String connectionId, Instant at) {

    @Qualifier
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
    public @interface Joined {
        final class Literal extends AnnotationLiteral<Joined> implements Joined {
            public static final Literal INSTANCE = new Literal();
        }
    }

    @Qualifier
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
    public @interface Left {
        final class Literal extends AnnotationLiteral<Left> implements Left {
            public static final Literal INSTANCE = new Literal();
        }
    }
}
