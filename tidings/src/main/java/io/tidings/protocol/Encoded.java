package io.tidings.protocol;

/**
 * A frame and its JSON text, encoded once for every recipient, every transport and every replay.
 * {@code ephemeral} frames (typing, presence) may be dropped for a recipient that fell behind;
 * the others are kept until delivered or the recipient is cut off.
 */
public record Encoded(Envelope frame, String text, boolean ephemeral) {

    private static final EnvelopeEncoder ENCODER = new EnvelopeEncoder();

    /** A frame that must be delivered, encoded. */
    public static Encoded of(Envelope frame) {
        return new Encoded(frame, ENCODER.encode(frame), false);
    }

    /** A frame encoded, ephemeral or not. */
    public static Encoded of(Envelope frame, boolean ephemeral) {
        return new Encoded(frame, ENCODER.encode(frame), ephemeral);
    }

    /** The frame's type. */
    public String type() {
        return frame.type();
    }
}
