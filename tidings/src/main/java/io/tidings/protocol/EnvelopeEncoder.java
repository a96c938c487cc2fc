package io.tidings.protocol;

import jakarta.websocket.Encoder;

/**
 * Writes an {@link Envelope} as JSON text, once per frame whatever the number of recipients. The
 * fields are written in a fixed order, absent ones left out; the payload's text ({@link Data#json()})
 * is copied in as it is, so a room message's payload is never parsed or re-encoded. The result can
 * always be sent as UTF-8 ({@link Utf8#encodable}).
 */
public class EnvelopeEncoder implements Encoder.Text<Envelope> {

    @Override
    public String encode(Envelope envelope) {
        String data = envelope.data() == null ? null : envelope.data().json();
        StringBuilder text = new StringBuilder(96 + (data == null ? 0 : data.length()));
        text.append("{\"type\":");
        Json.quote(text, envelope.type());
        string(text, "ref", envelope.ref());
        string(text, "id", envelope.id());
        string(text, "room", envelope.room());
        string(text, "from", envelope.from());
        if (envelope.seq() != null) {
            text.append(",\"seq\":").append(envelope.seq().longValue());
        }
        if (envelope.ts() != null) {
            text.append(",\"ts\":\"").append(envelope.ts()).append('"'); // ISO-8601, as JSON-B writes an Instant
        }
        if (envelope.echo() != null) {
            text.append(",\"echo\":").append(envelope.echo().booleanValue());
        }
        if (data != null) {
            text.append(",\"data\":").append(data);
        }
        return Utf8.encodable(text.append('}').toString());
    }

    private static void string(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(",\"").append(name).append("\":");
            Json.quote(text, value);
        }
    }
}
