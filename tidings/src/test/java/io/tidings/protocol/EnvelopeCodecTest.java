package io.tidings.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class EnvelopeCodecTest {

    private final EnvelopeEncoder encoder = new EnvelopeEncoder();
    private final EnvelopeDecoder decoder = new EnvelopeDecoder();

    static Stream<Envelope> variants() {
        Instant ts = Instant.parse("2026-11-22T10:15:30.123Z");
        JsonObject object = Json.createObjectBuilder().add("text", "hi \"there\" \u00e9\u263a").add("n", 3).build();
        return Stream.of(
                Envelope.of("ping", (Data) null),
                Envelope.of("ping", (Data) null).withRef("r1"),
                Envelope.of("message", object).withRef("r2"),
                Envelope.of("message", Json.createArrayBuilder().add(1).add("two").build()),
                Envelope.of("message", Json.createValue("plain string")),
                Envelope.of("message", Json.createValue(42)),
                Envelope.of("message", JsonValue.TRUE),
                new Envelope("message", Data.of(object), "r3", "m-1", "lobby", "ada", 17L, ts, null),
                new Envelope("message", Data.of(object), "r4", null, "lobby", null, null, null, false),
                new Envelope("message", Data.json("{ \"kept\" : [1.0e2, \"as sent\"] }"), "r5", "m-2", "lob\"by", "a\nda", 18L, ts, true),
                Frames.welcome("c-1", "ada"),
                Frames.pong("r4"),
                Frames.ack("r5", object),
                Frames.error(ErrorCode.UNKNOWN_TYPE, "unknown type 'x'", "r6"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyEnvelopeVariantSurvivesARoundTrip(Envelope envelope) {
        String text = encoder.encode(envelope);
        JsonObject wire = Json.createReader(new StringReader(text)).readObject();

        assertEquals(envelope.type(), wire.getString("type"));
        assertEquals(envelope.ref(), wire.getString("ref", null));
        assertEquals(envelope.id(), wire.getString("id", null));
        assertEquals(envelope.room(), wire.getString("room", null));
        assertEquals(envelope.from(), wire.getString("from", null));
        assertEquals(envelope.seq(), wire.containsKey("seq") ? Long.valueOf(wire.getJsonNumber("seq").longValue()) : null);
        assertEquals(envelope.ts(), wire.containsKey("ts") ? Instant.parse(wire.getString("ts")) : null);
        assertEquals(value(envelope.data()), wire.get("data"));
        assertEquals(envelope.echo(), wire.containsKey("echo") ? wire.getBoolean("echo") : null);

        Envelope decoded = assertInstanceOf(Envelope.class, decoder.decode(text));
        assertEquals(envelope.type(), decoded.type());
        assertEquals(envelope.ref(), decoded.ref());
        assertEquals(envelope.room(), decoded.room());
        assertEquals(value(envelope.data()), value(decoded.data()));
    }

    private static JsonValue value(Data data) {
        return data == null ? null : data.value();
    }

    @Test
    void aPayloadIsKeptAsTheTextTheClientSentAndEncodedAsItIs() {
        String data = "{ \"b\":1.50, \"a\" : [ {\"x\":\"}\\\",\"} ], \"n\":null }";
        String frame = "{\"data\": " + data + "  ,\"type\":\"message\",\"extra\":{\"data\":[]},\"ref\":\"r\"}";
        Envelope decoded = assertInstanceOf(Envelope.class, decoder.decode(frame));
        assertEquals(data, decoded.data().json());
        assertEquals("r", decoded.ref());
        assertEquals("{\"type\":\"message\",\"ref\":\"r\",\"data\":" + data + "}", encoder.encode(decoded));
    }

    @Test
    void theLastOfRepeatedMembersCountsAsAParserReadsIt() {
        Envelope decoded = assertInstanceOf(Envelope.class,
                decoder.decode("{\"type\":\"message\",\"data\":[1],\"d\\u0061ta\":\"escaped key\"}"));
        assertEquals("\"escaped key\"", decoded.data().json());
        decoded = assertInstanceOf(Envelope.class, decoder.decode("{\"type\":\"message\",\"data\":[1],\"data\":null}"));
        assertNull(decoded.data());
    }

    @Test
    void aPayloadIsValidatedThoughNotBuilt() {
        for (String data : new String[]{"{\"a\" 1}", "[1,]", "{\"a\":tru}", "[1 2]", "{\"a\":1,}", "01"}) {
            Malformed malformed = assertInstanceOf(Malformed.class, decoder.decode("{\"type\":\"message\",\"data\":" + data + "}"), data);
            assertEquals(ErrorCode.INVALID_JSON, malformed.code(), data);
        }
        Malformed deep = assertInstanceOf(Malformed.class, decoder.decode("{\"type\":\"message\",\"data\":[[[1]]]}", 3));
        assertEquals(ErrorCode.TOO_DEEP, deep.code());
        Malformed lone = assertInstanceOf(Malformed.class, decoder.decode("{\"type\":\"message\",\"data\":\"\\ud800\"}"));
        assertEquals(ErrorCode.INVALID_JSON, lone.code());
    }

    @Test
    void aReplyCarriesEncodedMessagesAsTheyAre() {
        JsonObject fields = Json.createObjectBuilder().add("more", true).build();
        Data reply = Data.withArray(fields, "messages", java.util.List.of("{\"type\":\"message\",\"data\":1.50}", "{}"));
        assertEquals("{\"more\":true,\"messages\":[{\"type\":\"message\",\"data\":1.50},{}]}", reply.json());
        assertEquals("{\"messages\":[]}", Data.withArray(JsonValue.EMPTY_JSON_OBJECT, "messages", java.util.List.of()).json());
        assertEquals("[1,2]", Data.array(java.util.List.of("1", "2")).json());
        assertEquals("{\"id\":\"n\",\"data\":{\"k\":[]}}",
                Data.withMember(Json.createObjectBuilder().add("id", "n").build(), "data", Data.json("{\"k\":[]}")).json());
    }

    @Test
    void absentFieldsAreLeftOutOfTheJson() {
        assertEquals("{\"type\":\"ping\"}", encoder.encode(Envelope.of("ping", (Data) null)));
    }

    @Test
    void serverSetFieldsFromAClientAreIgnored() {
        Envelope decoded = assertInstanceOf(Envelope.class,
                decoder.decode("{\"type\":\"message\",\"id\":\"forged\",\"from\":\"admin\",\"seq\":9,\"ts\":\"x\"}"));
        assertNull(decoded.id());
        assertNull(decoded.from());
        assertNull(decoded.seq());
        assertNull(decoded.ts());
    }

    @Test
    void nullDataIsTheSameAsNoData() {
        Envelope decoded = assertInstanceOf(Envelope.class, decoder.decode("{\"type\":\"ping\",\"data\":null}"));
        assertNull(decoded.data());
    }

    static Stream<Object[]> malformed() {
        return Stream.of(
                new Object[]{"", ErrorCode.INVALID_JSON, null},
                new Object[]{"not json", ErrorCode.INVALID_JSON, null},
                new Object[]{"{\"type\":", ErrorCode.INVALID_JSON, null},
                new Object[]{"{\"type\":\"ping\"} trailing", ErrorCode.INVALID_JSON, null},
                new Object[]{"[]", ErrorCode.NOT_AN_OBJECT, null},
                new Object[]{"42", ErrorCode.NOT_AN_OBJECT, null},
                new Object[]{"null", ErrorCode.NOT_AN_OBJECT, null},
                new Object[]{"{}", ErrorCode.MISSING_TYPE, null},
                new Object[]{"{\"ref\":\"k\"}", ErrorCode.MISSING_TYPE, "k"},
                new Object[]{"{\"type\":true,\"ref\":\"k\"}", ErrorCode.INVALID_FIELD, "k"},
                new Object[]{"{\"type\":\"\",\"ref\":\"k\"}", ErrorCode.INVALID_FIELD, "k"},
                new Object[]{"{\"type\":\"UPPER\"}", ErrorCode.INVALID_FIELD, null},
                new Object[]{"{\"type\":\"" + "a".repeat(65) + "\"}", ErrorCode.INVALID_FIELD, null},
                new Object[]{"{\"type\":\"ping\",\"ref\":{}}", ErrorCode.INVALID_FIELD, null},
                new Object[]{"{\"type\":\"ping\",\"ref\":\"" + "r".repeat(65) + "\"}", ErrorCode.INVALID_FIELD, null},
                new Object[]{"{\"type\":\"join\",\"room\":5,\"ref\":\"k\"}", ErrorCode.INVALID_FIELD, "k"});
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedInputIsDescribedNotThrown(String text, ErrorCode code, String ref) {
        Malformed malformed = assertInstanceOf(Malformed.class, decoder.decode(text));
        assertEquals(code, malformed.code());
        assertEquals(ref, malformed.ref());
        assertFalse(malformed.message().isBlank());
    }

    @Test
    void errorCodesHaveLowerCaseWireNames() {
        assertEquals("invalid_json", ErrorCode.INVALID_JSON.wire());
        assertEquals("unknown_type", ErrorCode.UNKNOWN_TYPE.wire());
    }
}
