package io.tidings.protocol;

/** The UTF-8 size of text, counted without encoding it. */
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
}
