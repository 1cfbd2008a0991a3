package io.github.streamharness.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * The run with the median {@code key} among {@code <name>-run<k>.properties} (k = 1, 2, ...) in {@code dir}, with
     * {@code <key>Runs} added: every run's {@code key}, in run order, for the report to show the spread. A run of a
     * fresh JVM varies by 10% or more (JIT decisions), so one run alone cannot tell a 5% change. Without run files,
     * {@code <name>.properties} as it is.
     */
    static Results median(Path dir, String name, String key) throws IOException {
        List<Results> runs = new ArrayList<>();
        for (int k = 1; Files.exists(dir.resolve(name + "-run" + k + ".properties")); k++) {
            runs.add(read(dir.resolve(name + "-run" + k + ".properties")));
        }
        if (runs.isEmpty()) {
            return read(dir.resolve(name + ".properties"));
        }
        StringBuilder all = new StringBuilder();
        for (Results r : runs) {
            all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", r.number(key)));
        }
        List<Results> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(r -> r.number(key)));
        Results median = sorted.get((sorted.size() - 1) / 2);
        median.values.setProperty(key + "Runs", all.toString());
        median.values.setProperty("runs", String.valueOf(runs.size()));
        return median;
    }
}
