package io.github.streamharness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Invocation logs written by hand, for the failing cases the engine never produces (a duplicate after success, a
 * batch out of order, a batch over 6 MB). Lives in the core package because appending to a log is package-private.
 */
public final class HandWrittenLogs {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private HandWrittenLogs() {
    }

    /** A log of {@code functionName} holding {@code invocations}, in this order. */
    public static InvocationLog log(String functionName, Invocation... invocations) {
        InvocationLog log = new InvocationLog(functionName);
        for (Invocation i : invocations) {
            log.add(i);
        }
        return log;
    }

    /** Invocation number {@code n} of {@code records} (one shard) with {@code outcome}, one second after the last. */
    public static Invocation invocation(int n, Outcome outcome, StreamRecord... records) {
        Instant at = T0.plusSeconds(n);
        return new Invocation(n, "orders-fn", records[0].shardId(), 0, List.of(records), 1, outcome, at, at,
                Duration.ZERO, Duration.ZERO, "req-" + n, "env-1", n == 1, List.of());
    }

    /**
     * Appends an on-failure message the mapping never sent, covering {@code record}: the ledger then counts fewer
     * records SENT_TO_DESTINATION than the messages cover (an inconsistency for the ledger assertion to find).
     */
    public static void forgeDeadLetter(DeadLetterQueue dlq, StreamRecord record) {
        dlq.add(new DeadLetter(OnFailureCondition.RetryAttemptsExhausted, 1, "Unhandled", record.shardId(),
                record.sequenceNumber(), record.sequenceNumber(), 1, List.of(record), T0, dlq.destinationArn(),
                DestinationType.SQS, "{}", java.util.Optional.empty()));
    }

    /** A successful outcome with no response. */
    public static Outcome ok() {
        return new Outcome.Success(null, List.of());
    }

    /** A record of shard 0 with sequence number index {@code i}. */
    public static StreamRecord record(int i, String partitionKey, String data) {
        return record("shardId-000000000000", i, partitionKey, data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A record of {@code shardId} with sequence number index {@code i}. */
    public static StreamRecord record(String shardId, int i, String partitionKey, byte[] data) {
        String sequence = "49" + "0".repeat(15) + "0".repeat(21) + String.format("%018d", i);
        return new StreamRecord(shardId, sequence, partitionKey, data, T0.toEpochMilli());
    }
}
