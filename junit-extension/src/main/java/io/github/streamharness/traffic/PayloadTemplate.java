package io.github.streamharness.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A parsed text template with {@code ${...}} placeholders, filled in per record from the record's own seeded random
 * source. Parsing happens once, when the template is configured, so a bad placeholder fails early.
 */
final class PayloadTemplate {
    static final String KNOWN = "index, key, oneOf:a,b,..., int:min,max, double:min,max[,scale], uuid, bool,"
            + " string:length";

    /** One piece of the template: literal text or a placeholder. */
    private interface Part {
        void append(StringBuilder out, int index, String key, SplittableRandom random);
    }

    private final String source;
    private final List<Part> parts;

    private PayloadTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** Parses {@code template}; <code>$$&#123;</code> is a literal <code>$&#123;</code>. */
    static PayloadTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (template.startsWith("${", i)) {
                int end = template.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed placeholder at offset " + i + " in template: "
                            + template);
                }
                if (literal.length() > 0) {
                    String text = literal.toString();
                    parts.add((out, index, key, random) -> out.append(text));
                    literal.setLength(0);
                }
                parts.add(placeholder(template.substring(i + 2, end), i, template));
                i = end + 1;
            } else {
                literal.append(template.charAt(i));
                i++;
            }
        }
        if (literal.length() > 0) {
            String text = literal.toString();
            parts.add((out, index, key, random) -> out.append(text));
        }
        return new PayloadTemplate(template, parts);
    }

    /** Fills in the template for record {@code index}. */
    String render(int index, String key, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            part.append(out, index, key, random);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }

    private static Part placeholder(String body, int offset, String template) {
        int colon = body.indexOf(':');
        String name = colon < 0 ? body.trim() : body.substring(0, colon).trim();
        String[] args = colon < 0 ? new String[0] : body.substring(colon + 1).split(",", -1);
        try {
            switch (name) {
                case "index":
                    noArgs(args);
                    return (out, index, key, random) -> out.append(index);
                case "key":
                    noArgs(args);
                    return (out, index, key, random) -> out.append(key);
                case "uuid":
                    noArgs(args);
                    return (out, index, key, random) -> out.append(uuidLike(random));
                case "bool":
                    noArgs(args);
                    return (out, index, key, random) -> out.append(random.nextBoolean());
                case "oneOf": {
                    if (args.length == 0 || args[0].isEmpty() && args.length == 1) {
                        throw new IllegalArgumentException("oneOf needs at least one value");
                    }
                    List<String> values = List.of(args);
                    return (out, index, key, random) -> out.append(values.get(random.nextInt(values.size())));
                }
                case "int": {
                    expectArgs(args, 2, 2);
                    long min = Long.parseLong(args[0].trim());
                    long max = Long.parseLong(args[1].trim());
                    if (min > max) {
                        throw new IllegalArgumentException("min " + min + " > max " + max);
                    }
                    return (out, index, key, random) -> out.append(min == max ? min : random.nextLong(min, max + 1));
                }
                case "double": {
                    expectArgs(args, 2, 3);
                    double min = Double.parseDouble(args[0].trim());
                    double max = Double.parseDouble(args[1].trim());
                    int scale = args.length == 3 ? Integer.parseInt(args[2].trim()) : 2;
                    if (!(min < max) || scale < 0) {
                        throw new IllegalArgumentException("need min < max and scale >= 0");
                    }
                    // BigDecimal(double) is exact, so the text does not depend on the JDK's Double.toString
                    return (out, index, key, random) -> out.append(new BigDecimal(random.nextDouble(min, max))
                            .setScale(scale, RoundingMode.HALF_UP).toPlainString());
                }
                case "string": {
                    expectArgs(args, 1, 1);
                    int length = Integer.parseInt(args[0].trim());
                    if (length < 0) {
                        throw new IllegalArgumentException("negative length");
                    }
                    return (out, index, key, random) -> appendLetters(out, length, random);
                }
                default:
                    throw new IllegalArgumentException("unknown placeholder; known: " + KNOWN);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad placeholder ${" + body + "} at offset " + offset
                    + " in template " + template + ": " + e.getMessage(), e);
        }
    }

    private static void noArgs(String[] args) {
        if (args.length != 0) {
            throw new IllegalArgumentException("takes no arguments");
        }
    }

    private static void expectArgs(String[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            throw new IllegalArgumentException("expected " + (min == max ? min : min + " to " + max)
                    + " comma-separated arguments");
        }
    }

    /** A version-4-shaped UUID string drawn from {@code random}. */
    static String uuidLike(SplittableRandom random) {
        long msb = random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x0000000000004000L;
        long lsb = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Appends {@code length} random lowercase letters and digits. */
    static void appendLetters(StringBuilder out, int length, SplittableRandom random) {
        final String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }
}
