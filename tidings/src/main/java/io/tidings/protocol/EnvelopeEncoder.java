package io.tidings.protocol;

import jakarta.websocket.Encoder;

/**
 * Writes an {@link Envelope} as JSON text with the shared {@link Json#jsonb() Jsonb}, always text that
 * can be sent as UTF-8 ({@link Utf8#encodable}).
 */
public class EnvelopeEncoder implements Encoder.Text<Envelope> {

    @Override
    public String encode(Envelope envelope) {
        return Utf8.encodable(Json.jsonb().toJson(envelope));
    }
}
