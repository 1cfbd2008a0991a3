package io.github.streamharness.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/** The figures of one run, as a properties file the report writer reads. */
final class Results {
    private final Properties values = new Properties();

    Results put(String key, Object value) {
        values.setProperty(key, value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value));
        return this;
    }

    String get(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("no figure " + key);
        }
        return v;
    }

    double number(String key) {
        return Double.parseDouble(get(key));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(w, null);
        }
        values.forEach((k, v) -> System.out.println(k + " = " + v));
    }

    static Results read(Path file) throws IOException {
        Results r = new Results();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.values.load(in);
        }
        return r;
    }
}
