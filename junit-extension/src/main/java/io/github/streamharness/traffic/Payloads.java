package io.github.streamharness.traffic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Byte-level payload edits for sizes and defects; JSON object payloads stay JSON where the edit allows it. */
final class Payloads {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Payloads() {
    }

    /**
     * Pads {@code data} to exactly {@code target} bytes: a JSON object gets a {@code "padding"} field of random
     * letters and digits before its closing brace, anything else (or an object too close to the target to hold the
     * field) gets trailing spaces. Data already at least {@code target} bytes long is returned as it is.
     */
    static byte[] padTo(byte[] data, int target, SplittableRandom random) {
        if (data.length >= target) {
            return data;
        }
        int end = trimmedEnd(data);
        boolean object = data.length > 0 && data[0] == '{' && end > 0 && data[end - 1] == '}';
        if (object) {
            boolean empty = isEmptyObject(data, end);
            byte[] head = (empty ? "\"padding\":\"" : ",\"padding\":\"").getBytes(StandardCharsets.US_ASCII);
            // out = data[0, end-1) + head + fill + '"' + '}' + data[end, length)
            int fill = target - data.length - head.length - 1;
            if (fill >= 0) {
                byte[] out = new byte[target];
                int at = 0;
                System.arraycopy(data, 0, out, at, end - 1);
                at += end - 1;
                System.arraycopy(head, 0, out, at, head.length);
                at += head.length;
                for (int i = 0; i < fill; i++) {
                    out[at++] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                }
                out[at++] = '"';
                out[at++] = '}';
                System.arraycopy(data, end, out, at, data.length - end);
                return out;
            }
        }
        byte[] out = Arrays.copyOf(data, target);
        Arrays.fill(out, data.length, target, (byte) ' ');
        return out;
    }

    /**
     * A poison pill made from {@code data}: a JSON object or array is cut to a proper prefix (never valid JSON);
     * anything else gets the prefix <code>&#123;not json </code>.
     */
    static byte[] malformed(byte[] data, SplittableRandom random) {
        int end = trimmedEnd(data);
        boolean structured = end >= 2 && (data[0] == '{' || data[0] == '[');
        if (structured) {
            return Arrays.copyOf(data, 1 + random.nextInt(end - 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{not json ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /**
     * {@code data} with the invalid UTF-8 sequence {@code C3 28} in it: inside a {@code "text"} string field for a
     * JSON object (the JSON structure stays intact), appended otherwise.
     */
    static byte[] invalidUtf8(byte[] data) {
        byte[] bad = {(byte) 0xC3, (byte) 0x28};
        int end = trimmedEnd(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (data.length > 0 && data[0] == '{' && end > 0 && data[end - 1] == '}') {
            out.write(data, 0, end - 1);
            out.writeBytes((isEmptyObject(data, end) ? "\"text\":\"" : ",\"text\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bad);
            out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
            out.write(data, end, data.length - end);
        } else {
            out.writeBytes(data);
            out.writeBytes(bad);
        }
        return out.toByteArray();
    }

    /** The length of {@code data} without trailing JSON whitespace. */
    private static int trimmedEnd(byte[] data) {
        int end = data.length;
        while (end > 0 && (data[end - 1] == ' ' || data[end - 1] == '\n' || data[end - 1] == '\r'
                || data[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    /** Whether {@code data[0..end)} is an object with only whitespace between its braces. */
    private static boolean isEmptyObject(byte[] data, int end) {
        for (int i = 1; i < end - 1; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
