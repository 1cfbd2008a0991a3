package io.github.streamharness.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The figures of docs/performance.md's live section: the same poison-pill scenario in-process and against a real
 * Kinesis API, side by side. Runs only from {@code live/performance.sh}, which sets
 * {@code streamharness.live.performanceReport} to the file this writes.
 */
@Isolated
class PoisonPillSideBySideMeasurement {
    private static final int RECORDS = 100;
    private static final int POISON = 37;

    /** One run: build, put 100 records (one poison pill), run until idle, close. */
    private static long[] run(KinesisBackend backend, int[] counts) {
        long start = System.nanoTime();
        try (StreamHarness h = backend.build(StreamHarness.builder().streamName("perf-poison")
                .mapping(EventSourceMappingConfig.builder().batchSize(100).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(3).onFailureDestination(ParityScenarios.DLQ).build())
                .handler((KinesisEvent e, Context c) -> ParityScenarios.rejectsMalformed(e, c)))) {
            long built = System.nanoTime();
            for (int i = 0; i < RECORDS; i++) {
                h.put("pk-" + i, i == POISON ? "{not json" : "{\"metric\":\"cpu\",\"value\":" + i + "}");
            }
            long put = System.nanoTime();
            h.runUntilIdle();
            long idle = System.nanoTime();
            counts[0] = h.invocations().all().size();
            counts[1] = h.deadLetterQueue().size();
            return new long[] {built - start, put - built, idle - put, 0};
        } finally {
            counts[2]++;
        }
    }

    private static long[] median(KinesisBackend backend, int warmups, int runs, int[] counts) {
        for (int i = 0; i < warmups; i++) {
            run(backend, counts);
        }
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long[] phases = run(backend, counts);
            phases[3] = System.nanoTime() - start;
            all.add(phases);
        }
        long[] out = new long[4];
        for (int p = 0; p < 4; p++) {
            int phase = p;
            out[p] = all.stream().mapToLong(a -> a[phase]).sorted().toArray()[runs / 2];
        }
        return out;
    }

    @Test
    void measure() throws IOException {
        String report = System.getProperty("streamharness.live.performanceReport");
        assumeTrue(report != null && KinesisBackend.liveConfigured(), "measurement: run live/performance.sh");
        LiveSettings settings = LiveSettings.fromSystemProperties().orElseThrow();
        int[] local = new int[3];
        int[] live = new int[3];
        long[] inProcess = median(KinesisBackend.IN_PROCESS, 20, 21, local);
        long[] real = median(KinesisBackend.LIVE, 1, 5, live);
        assertThat(live[0]).as("invocations").isEqualTo(local[0]);
        assertThat(live[1]).as("on-failure messages").isEqualTo(local[1]);
        StringBuilder md = new StringBuilder();
        md.append("| Backend | Invocations | On-failure messages | Build (ms) | 100 puts (ms) | runUntilIdle (ms) "
                + "| Whole test (ms) |\n|---|---|---|---|---|---|---|\n");
        md.append(row("in-process (virtual clock)", local, inProcess));
        md.append(row("live, kinesis-mock, time scale " + fmt(settings.timeScale()), live, real));
        md.append("\nRatio live / in-process, whole test: **").append(String.format(Locale.ROOT, "%,.0f",
                (double) real[3] / inProcess[3])).append("x**; runUntilIdle alone: ").append(String.format(
                Locale.ROOT, "%,.0f", (double) real[2] / inProcess[2])).append("x.\n");
        Files.writeString(Path.of(report), md.toString(), StandardCharsets.UTF_8);
    }

    private static String row(String name, int[] counts, long[] nanos) {
        return "| " + name + " | " + counts[0] + " | " + counts[1] + " | " + ms(nanos[0]) + " | " + ms(nanos[1])
                + " | " + ms(nanos[2]) + " | " + ms(nanos[3]) + " |\n";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,.1f", nanos / 1e6);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
