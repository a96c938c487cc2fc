package io.tidings.protocol;

import jakarta.json.JsonException;

/**
 * Checks client JSON before it is parsed, in one pass over the characters with no allocation:
 * arrays and objects nest at most a set depth (the parser is never handed a nesting it would fail
 * on with an unchecked error), and every string holds whole Unicode characters. A lone UTF-16
 * surrogate, raw or written as {@code \ud800}, is valid JSON text but cannot be encoded as UTF-8,
 * so no container could send it on to anyone.
 */
public final class JsonGuard {

    private JsonGuard() {
    }

    /** Client JSON that is refused before parsing, with the error code to answer with. */
    public static final class Refused extends JsonException {
        private final ErrorCode code;

        Refused(ErrorCode code, String message) {
            super(message);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    static void check(String text, int maxDepth) {
        scan(text, maxDepth, null);
    }

    /**
     * As {@link #check}, and where the value of each member of the top-level object lies in the text:
     * member {@code i} (in the order written) spans {@code [spans[2i+1], spans[2i+2])}, {@code spans[0]}
     * members in all. Only meaningful when the text is a JSON object the parser accepts.
     */
    static int[] members(String text, int maxDepth) {
        int[] spans = new int[17];
        return scan(text, maxDepth, spans);
    }

    private static int[] scan(String text, int maxDepth, int[] spans) {
        int depth = 0;
        boolean inString = false;
        int valueStart = -1; // where the current top-level member's value began; -2 right after its colon
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!inString) {
                if (valueStart == -2 && c > ' ') {
                    valueStart = i;
                }
                if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    if (++depth > maxDepth) {
                        throw new Refused(ErrorCode.TOO_DEEP, "arrays and objects nest deeper than " + maxDepth
                                + " levels (tidings.limits.json-depth)");
                    }
                } else if (c == '}' || c == ']') {
                    if (depth-- == 1 && spans != null && valueStart >= 0) {
                        spans = span(spans, text, valueStart, i);
                        valueStart = -1;
                    }
                } else if (depth == 1 && spans != null) {
                    if (c == ':') {
                        valueStart = -2;
                    } else if (c == ',' && valueStart >= 0) {
                        spans = span(spans, text, valueStart, i);
                        valueStart = -1;
                    }
                }
                continue;
            }
            if (c == '"') {
                inString = false;
                continue;
            }
            int unit = unitAt(text, i);
            int length = unit >= 0 && c == '\\' ? 6 : 1;
            if (unit < 0) {
                i++; // another escape (\n, \" ...): skip its second character; the parser judges it
                continue;
            }
            if (Character.isHighSurrogate((char) unit)) {
                int next = i + length < n ? unitAt(text, i + length) : -1;
                if (next >= 0 && Character.isLowSurrogate((char) next)) {
                    i += length + (text.charAt(i + length) == '\\' ? 6 : 1) - 1;
                    continue;
                }
                throw unpaired(unit, i);
            }
            if (Character.isLowSurrogate((char) unit)) {
                throw unpaired(unit, i);
            }
            i += length - 1;
        }
        return spans;
    }

    /** Records a member's value as {@code [start, end)} less trailing white space, growing the array when full. */
    private static int[] span(int[] spans, String text, int start, int end) {
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        int at = 2 * spans[0] + 1;
        if (at + 1 >= spans.length) {
            spans = java.util.Arrays.copyOf(spans, spans.length * 2 + 1);
        }
        spans[at] = start;
        spans[at + 1] = end;
        spans[0]++;
        return spans;
    }

    /**
     * The UTF-16 unit the string content at {@code i} stands for: the character itself, or the
     * value of a {@code \\uXXXX} escape; -1 for the end of the string or another escape.
     */
    private static int unitAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '"') {
            return -1;
        }
        if (c != '\\') {
            return c;
        }
        if (i + 5 >= text.length() || text.charAt(i + 1) != 'u') {
            return -1;
        }
        int value = 0;
        for (int k = i + 2; k < i + 6; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static Refused unpaired(int unit, int at) {
        return new Refused(ErrorCode.INVALID_JSON, String.format("a string holds half of a UTF-16 surrogate pair (\\u%04x at"
                + " character %d); strings must hold whole Unicode characters, as they are sent on as UTF-8", unit, at + 1));
    }
}
