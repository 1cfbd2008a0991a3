package io.github.streamharness.benchmarks;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Harness overhead against the physical limit: the same no-op handler fed 1,000,000 records in batches of 100,
 * (a) directly with KinesisEvent objects built in the loop, and (b) through StreamHarness (one shard, BatchSize 100,
 * all records put, then runUntilIdle). Both report records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OverheadBenchmark {
    /** Records per benchmark operation. */
    public static final int RECORDS = 1_000_000;
    /** Records per handler call. */
    public static final int BATCH = 100;

    private static final String SHARD = "shardId-000000000000";
    private static final String SOURCE_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/test-stream";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/test-function-role";
    private static final String SEQUENCE_PREFIX = "49" + "0".repeat(54);

    private final Workload workload = new Workload();

    /**
     * (a) The limit: what a hand-written test does to feed the handler, building each record as the Lambda runtime
     * does (sequence number, eventID, arrival Date, a fresh read-only data buffer, the constant fields).
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long direct() {
        NoOpHandler handler = new NoOpHandler();
        long arrival = 1_767_225_600_000L;
        for (int start = 0; start < RECORDS; start += BATCH) {
            List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>(BATCH);
            for (int i = start; i < start + BATCH; i++) {
                KinesisEvent.Record kinesis = new KinesisEvent.Record();
                String sequenceNumber = sequenceNumber(i);
                kinesis.setKinesisSchemaVersion("1.0");
                kinesis.setPartitionKey(workload.key(i));
                kinesis.setSequenceNumber(sequenceNumber);
                kinesis.setData(ByteBuffer.wrap(workload.data(i)).asReadOnlyBuffer());
                kinesis.setApproximateArrivalTimestamp(new Date(arrival));
                KinesisEvent.KinesisEventRecord r = new KinesisEvent.KinesisEventRecord();
                r.setKinesis(kinesis);
                r.setEventSource("aws:kinesis");
                r.setEventVersion("1.0");
                r.setEventID(SHARD + ":" + sequenceNumber);
                r.setEventName("aws:kinesis:record");
                r.setInvokeIdentityArn(ROLE_ARN);
                r.setAwsRegion("us-east-1");
                r.setEventSourceARN(SOURCE_ARN);
                records.add(r);
            }
            KinesisEvent event = new KinesisEvent();
            event.setRecords(records);
            handler.handleRequest(event, null);
        }
        return handler.records();
    }

    /** (b) Through the harness: put every record, then let the mapping deliver them in batches of 100. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long harness() {
        NoOpHandler handler = new NoOpHandler();
        try (StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(BATCH).build())
                .handler(handler)
                .build()) {
            for (int i = 0; i < RECORDS; i++) {
                h.put(workload.key(i), workload.data(i));
            }
            h.runUntilIdle();
        }
        if (handler.records() != RECORDS) {
            throw new IllegalStateException("the harness delivered " + handler.records() + " records");
        }
        return handler.records();
    }

    private static String sequenceNumber(long i) {
        String digits = Long.toString(i);
        return SEQUENCE_PREFIX.substring(0, 56 - digits.length()) + digits;
    }
}
