package io.tidings.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8Test {

    @Test
    void lengthMatchesTheEncodedLength() {
        for (String text : new String[] {"", "ascii", "héllo", "日本語", "emoji 😀 and ü"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
        }
    }
}
