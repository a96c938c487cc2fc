package io.tidings.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as the handler of client frames of one type:
 * <pre>{@code
 * @ApplicationScoped
 * public class Orders {
 *     @Handles("order.place")
 *     public Receipt place(OrderRequest request, Sender sender) { ... }
 * }
 * }</pre>
 * The frame's {@code data} is bound by JSON-B to the one parameter that is not a {@link Sender};
 * a {@link Sender} parameter receives the calling connection and user. A return value is sent
 * back as the {@code data} of an {@code ack} carrying the frame's {@code ref} (a {@code void}
 * method's frame is acknowledged when it has a {@code ref}). A {@link HandlerException} becomes an
 * {@code error} with its code; any other exception an {@code error} with code {@code handler_failed}.
 * Two handlers for one type, or a type Tidings itself handles, fail the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Handles {

    /** The frame type, matching {@code [a-z][a-z0-9._-]{0,63}}. */
    String value();
}
