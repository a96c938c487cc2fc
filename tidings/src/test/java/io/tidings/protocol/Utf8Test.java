package io.tidings.protocol;

import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8Test {

    @Test
    void lengthMatchesTheEncodedLength() {
        for (String text : new String[] {"", "ascii", "héllo", "日本語", "emoji 😀 and ü"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
        }
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsKept() {
        assertEquals("{\"t\":\"a\\ud800b\"}", Utf8.encodable("{\"t\":\"a\ud800b\"}"));
        assertEquals("\"\\udc00\\ud800\"", Utf8.encodable("\"\udc00\ud800\""));
        String pair = "{\"t\":\"😀\"}";
        assertSame(pair, Utf8.encodable(pair));
        String encoded = Utf8.encodable("\"x\ud83d\"");
        assertEquals("x\ud83d", ((JsonString) Json.parse(encoded)).getString(), "the same characters once parsed");
        assertEquals(encoded, new String(encoded.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void everyEncodedFrameCanBeSentAsUtf8() {
        String text = new EnvelopeEncoder().encode(Frames.error(ErrorCode.INTERNAL, "half \ud800 of a pair", null));
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(text), text);
        assertTrue(text.contains("half \\ud800 of a pair"), text);
    }
}
