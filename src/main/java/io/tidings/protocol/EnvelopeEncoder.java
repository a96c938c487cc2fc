package io.tidings.protocol;

import jakarta.websocket.Encoder;

/** Writes an {@link Envelope} as JSON text with the shared {@link Json#jsonb() Jsonb}. */
public class EnvelopeEncoder implements Encoder.Text<Envelope> {

    @Override
    public String encode(Envelope envelope) {
        return Json.jsonb().toJson(envelope);
    }
}
