package io.github.streamharness.examples.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The token-by-token reading of a flat record gives exactly what the tree reading gives, record or error. */
class MetricRecordParsingPathsTest {
    private static final String[] VALUES = {"0.10", "1.50", "100.0", "1e3", "-0.0", "42.7", "0.000", "7", "-3",
        "12345678901234567890", "1.5E-7", "9223372036854775807", "\"5\"", "null", "true", "[1]", "{\"a\":1}"};
    private static final String[] TEXTS = {"\"cpu\"", "\"\"", "\" \"", "5", "null", "{\"x\":1}", "\"d\\u00e9j\\u00e0\""};
    private static final String[] TIMES = {"\"2026-11-23T09:00:00.100Z\"", "\"2026-11-23T09:00:00Z\"",
        "\"2026-02-30T00:00:00Z\"", "\"yesterday\"", "\"2026-11-23T10:00:00+01:00\"", "17", "null"};

    @Test
    void bothReadingsAgreeOnRecordsAndErrors() throws Exception {
        Method tree = MetricRecord.class.getDeclaredMethod("parseTree", byte[].class);
        tree.setAccessible(true);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder doc = new StringBuilder("{");
            int fields = random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                String[] names = {"metric", "value", "timestamp", "host", "other"};
                String name = names[random.nextInt(names.length)];
                String[] pool = name.equals("value") ? VALUES : name.equals("timestamp") ? TIMES : TEXTS;
                doc.append(f > 0 ? "," : "").append('"').append(name).append("\":").append(pool[random.nextInt(
                        pool.length)]);
            }
            doc.append(random.nextInt(20) == 0 ? "} trailing" : "}");
            String text = random.nextInt(30) == 0 ? "[" + doc + "]" : doc.toString();
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(() -> MetricRecord.parse(data))).as(text).isEqualTo(outcome(() -> {
                try {
                    return (MetricRecord) tree.invoke(null, (Object) data);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw (RuntimeException) e.getCause();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    private static String outcome(java.util.function.Supplier<MetricRecord> parse) {
        try {
            return parse.get().toString();
        } catch (MalformedMetricException e) {
            return "error: " + e.getMessage();
        }
    }
}
