package io.github.streamharness.internal.event;

/**
 * JSON string escaping into UTF-8 bytes, with the exact byte length computable without writing.
 *
 * <p>The escapes are Jackson's: {@code \"}, {@code \\}, the short forms {@code \b \t \n \f \r}, a six-character
 * backslash-u escape (upper-case hex) for other control characters; everything else is raw UTF-8, a surrogate pair
 * as one 4-byte sequence (as Jackson writes with {@code COMBINE_UNICODE_SURROGATES_IN_UTF8}). A lone surrogate, which
 * has no UTF-8 form, is written as a backslash-u escape so that a JSON parser reads back the same Java string.
 */
final class JsonEscaping {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonEscaping() {
    }

    /** The number of UTF-8 bytes {@code s} takes inside the quotes of a JSON string (quotes not counted). */
    static long escapedLength(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isPlain(s.charAt(i))) {
            i++;
        }
        return i == n ? n : i + slowLength(s, i);
    }

    /** Writes {@code s} escaped (without quotes) into {@code out} at {@code pos}; returns the position after it. */
    static int write(String s, byte[] out, int pos) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isPlain(c)) {
                out[pos++] = (byte) c;
            } else {
                return writeSlow(s, i, out, pos);
            }
        }
        return pos;
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }

    private static long slowLength(String s, int from) {
        long length = 0;
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += isPlain(c) ? 1 : shortEscape(c) != 0 ? 2 : 6;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 6;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static int writeSlow(String s, int from, byte[] out, int pos) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                pos = writeAscii(c, out, pos);
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[pos++] = (byte) (0xF0 | (cp >> 18));
                out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                pos = writeUnicodeEscape(c, out, pos);
            } else {
                out[pos++] = (byte) (0xE0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    private static int writeAscii(char c, byte[] out, int pos) {
        if (isPlain(c)) {
            out[pos++] = (byte) c;
            return pos;
        }
        char escape = shortEscape(c);
        if (escape != 0) {
            out[pos++] = '\\';
            out[pos++] = (byte) escape;
            return pos;
        }
        return writeUnicodeEscape(c, out, pos);
    }

    private static char shortEscape(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
    }

    private static int writeUnicodeEscape(char c, byte[] out, int pos) {
        out[pos++] = '\\';
        out[pos++] = 'u';
        out[pos++] = HEX[(c >> 12) & 0xF];
        out[pos++] = HEX[(c >> 8) & 0xF];
        out[pos++] = HEX[(c >> 4) & 0xF];
        out[pos++] = HEX[c & 0xF];
        return pos;
    }
}
