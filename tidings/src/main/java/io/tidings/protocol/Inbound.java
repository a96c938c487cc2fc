package io.tidings.protocol;

/**
 * What the decoder makes of a text frame: either a well-formed {@link Envelope} or a
 * {@link Malformed} description of what was wrong. Decoding never throws, so bad input always
 * becomes an {@code error} reply instead of depending on how a container treats decoder failures.
 */
public sealed interface Inbound permits Envelope, Malformed {
}
