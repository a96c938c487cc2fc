package io.tidings.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonGuardTest {

    @Test
    void bracketsInsideStringsAndEscapedQuotesDoNotCountAsNesting() {
        assertDoesNotThrow(() -> JsonGuard.check("{\"a\":\"[[[[[[\\\"[[[[\",\"b\":[[1]]}", 3));
        assertEquals(ErrorCode.TOO_DEEP, assertThrows(JsonGuard.Refused.class,
                () -> JsonGuard.check("{\"a\":\"\\\\\",\"b\":[[[1]]]}", 3)).code());
    }

    @Test
    void wholePairsPassAndLoneHalvesAreRefusedRawOrEscaped() {
        for (String ok : new String[] {"\"\\ud83d\\ude00\"", "\"\uD83D\uDE00\"", "\"\\uD83D\uDE00\"", "\"\\\\ud800\"", "\"\\u0041\""}) {
            assertDoesNotThrow(() -> JsonGuard.check(ok, 4), ok);
        }
        for (String bad : new String[] {"\"\\ud800\"", "\"\uD800\"", "\"\\udc00\"", "\"\uDC00x\"", "\"\\ud800\\n\"", "\"\\ud800\"\"\\udc00\""}) {
            assertEquals(ErrorCode.INVALID_JSON, assertThrows(JsonGuard.Refused.class, () -> JsonGuard.check(bad, 4), bad).code());
        }
    }
}
