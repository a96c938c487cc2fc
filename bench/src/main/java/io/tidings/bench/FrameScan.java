package io.tidings.bench;

/**
 * Reads the two things a delivery needs from a frame's text without a JSON parser. Tidings writes
 * {@code type} first, and a benchmark message's data is {@code {"k":<key>,"t":<nanos>}}; a field
 * name inside a JSON string has its quotes escaped, so {@code "k":} cannot match inside text.
 */
final class FrameScan {

    static final long ABSENT = Long.MIN_VALUE;
    private static final String TYPE = "{\"type\":\"";

    private FrameScan() {
    }

    /** The frame's type when the text starts with it, else null. */
    static String type(String text) {
        if (!text.startsWith(TYPE)) {
            return null;
        }
        int end = text.indexOf('"', TYPE.length());
        return end < 0 ? null : text.substring(TYPE.length(), end);
    }

    /** The whole number after the last occurrence of {@code field} (e.g. {@code "k":}), or {@link #ABSENT}. */
    static long number(String text, String field) {
        int at = text.lastIndexOf(field);
        if (at < 0) {
            return ABSENT;
        }
        int i = at + field.length();
        boolean negative = i < text.length() && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < text.length() && Character.isDigit(text.charAt(i)) && digits < 19; i++, digits++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        if (digits == 0) {
            return ABSENT;
        }
        return negative ? -value : value;
    }
}
