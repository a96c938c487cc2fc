package io.tidings.protocol;

/** The UTF-8 size of text, counted without encoding it, and JSON text made safe to encode as UTF-8. */
public final class Utf8 {

    private Utf8() {
    }

    /** How many bytes the text takes in UTF-8. */
    public static long length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2; // a surrogate pair is 4 bytes, 2 per half
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * JSON text with every lone UTF-16 surrogate written as a {@code \\uXXXX} escape, so that it can be
     * encoded as UTF-8 (a container's {@code sendText} fails on a lone surrogate). Surrogates appear only
     * inside JSON strings, where the escape means the same character; client frames holding one are
     * refused ({@link JsonGuard}), so this only touches text application code put in a frame. Text with
     * no lone surrogate is returned as it is.
     */
    public static String encodable(String json) {
        int lone = firstLoneSurrogate(json, 0);
        if (lone < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        int from = 0;
        while (lone >= 0) {
            out.append(json, from, lone).append(String.format("\\u%04x", (int) json.charAt(lone)));
            from = lone + 1;
            lone = firstLoneSurrogate(json, from);
        }
        return out.append(json, from, json.length()).toString();
    }

    private static int firstLoneSurrogate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a whole pair
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
