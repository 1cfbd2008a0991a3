package io.github.streamharness.benchmarks;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The incident at full scale: 10 shards, 10,000 records/s for 60 virtual minutes (36M records) through the fixed
 * configuration (BatchSize 100, window 5 s, bisect, MaximumRetryAttempts 3, SQS destination, timeout 120 s) with a
 * given ParallelizationFactor (each shard has its own lanes: PF 1 is 10 lanes, PF 10 is 100), one poison pill per
 * virtual minute, committed records released. The traffic is the same whatever the factor. Run it with
 * {@code -Xmx512m}: {@code java -Xmx512m -cp ... IncidentScale target/bench/incident-pf10.properties [pf] [minutes]}.
 */
public final class IncidentScale {
    static final int SHARDS = 10;
    static final int RATE = 10_000;

    private IncidentScale() {
    }

    /** Runs the incident and writes its figures to {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        int pf = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        CheapHandler handler = new CheapHandler();
        StreamHarness h = StreamHarness.builder()
                .shards(SHARDS)
                .mapping(EventSourceMappingConfig.builder()
                        .batchSize(100).maximumBatchingWindowInSeconds(5).parallelizationFactor(pf)
                        .bisectBatchOnFunctionError(true).maximumRetryAttempts(3)
                        .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:analytics-dlq")
                        .build())
                .functionTimeout(Duration.ofSeconds(120))
                .handler(handler)
                .retainInvocations(1_000)
                .releaseCommittedRecords(true)
                .eventLimit(Long.MAX_VALUE)
                .build();
        Duration virtual = Duration.ofMinutes(minutes);
        ChunkedProducer producer = new ChunkedProducer(h, RATE, Duration.ofMillis(100), virtual, (long) RATE * 60);
        Measurement m = new Measurement();
        producer.start();
        h.runUntilIdle();
        m.stop();
        m.close();

        Map<RecordState, Long> counts = h.ledger().counts();
        long expected = (long) RATE * virtual.toSeconds();
        long dlqRecords = h.deadLetterQueue().messages().stream().mapToLong(DeadLetter::batchSize).sum();
        check(producer.produced() == expected, "produced " + producer.produced() + ", expected " + expected);
        check(counts.get(RecordState.PENDING) == 0, "records still pending: " + counts);
        check(counts.get(RecordState.COMMITTED) == expected - producer.poisons(), "committed: " + counts);
        check(counts.get(RecordState.SENT_TO_DESTINATION) == producer.poisons(), "sent: " + counts);
        check(dlqRecords == producer.poisons(), "the DLQ messages cover " + dlqRecords + " records");
        check(h.deadLetterQueue().messages().stream().allMatch(d -> d.batchSize() == 1), "a DLQ batch > 1");
        long heldRecords = h.shards().stream().mapToLong(s -> s.records().size()).sum();
        long virtualEnd = Duration.between(java.time.Instant.parse("2026-01-01T00:00:00Z"), h.clock().now())
                .toMillis();

        new Results()
                .put("parallelizationFactor", pf)
                .put("lanes", SHARDS * pf)
                .put("records", expected)
                .put("virtualSeconds", virtual.toSeconds())
                .put("virtualSecondsUntilIdle", virtualEnd / 1000.0)
                .put("wallSeconds", m.wallSeconds())
                .put("cpuSeconds", m.cpuSeconds())
                .put("processCpuSeconds", m.processCpuSeconds())
                .put("cpuSpeedup", virtual.toSeconds() / m.cpuSeconds())
                .put("speedup", virtual.toSeconds() / m.wallSeconds())
                .put("recordsPerSecond", expected / m.wallSeconds())
                .put("peakHeapMB", m.peakHeapBytes() / 1048576.0)
                .put("peakLiveMB", m.peakLiveBytes() / 1048576.0)
                .put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1048576.0)
                .put("allocatedMB", m.allocatedBytes() / 1048576.0)
                .put("allocationMBPerSecond", m.allocatedBytes() / 1048576.0 / m.wallSeconds())
                .put("allocatedBytesPerRecord", (double) m.allocatedBytes() / expected)
                .put("gcSeconds", m.gcMillis() / 1000.0)
                .put("invocations", h.invocations().count())
                .put("poisonPills", producer.poisons())
                .put("dlqMessages", h.deadLetterQueue().messages().size())
                .put("recordsHeldAtEnd", heldRecords)
                .write(Path.of(args[0]));
        h.close();
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("incident run is wrong: " + what);
        }
    }
}
