package io.github.streamharness.benchmarks;

import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.junit.EventSourceMapping;
import io.github.streamharness.junit.KinesisStreamTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-test cost fixture: 50 test methods, each the poison-pill scenario of the README at 100 records, under the
 * fixed mapping (bisect, MaximumRetryAttempts 3, SQS destination). {@link PerTestCost} runs it through the JUnit
 * Platform launcher; it lives in src/main so that {@code mvn verify} compiles it but never runs it.
 */
@Tag("fixture")
@KinesisStreamTest(shards = 1, handler = CheapHandler.class, timeoutSeconds = 120)
@EventSourceMapping(batchSize = 100, bisectBatchOnFunctionError = true, maximumRetryAttempts = 3,
        onFailureDestination = "arn:aws:sqs:us-east-1:123456789012:analytics-dlq")
public class PoisonPillTests {
    static final int RECORDS = 100;

    /** 100 records, one of them a poison pill: it alone reaches the DLQ, the other 99 are committed (rule 4.7). */
    static void scenario(StreamHarness stream, DeadLetterQueue dlq, int seed) {
        int poisonAt = (seed * 37) % RECORDS;
        StreamRecord poison = null;
        for (int i = 0; i < RECORDS; i++) {
            byte[] data = i == poisonAt ? ChunkedProducer.POISON
                    : ("{\"device\":" + i + ",\"value\":" + seed + "}").getBytes(StandardCharsets.UTF_8);
            StreamRecord r = stream.put("device-" + (i % 10), data);
            if (i == poisonAt) {
                poison = r;
            }
        }
        stream.runUntilIdle();
        assertEquals(1, dlq.messages().size());
        assertEquals(List.of(poison), dlq.records());
        assertEquals(OnFailureCondition.RetryAttemptsExhausted, dlq.messages().get(0).condition());
        assertEquals(RECORDS - 1, stream.ledger().count(RecordState.COMMITTED));
    }

    @Test
    void poisonPill01IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 1);
    }

    @Test
    void poisonPill02IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 2);
    }

    @Test
    void poisonPill03IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 3);
    }

    @Test
    void poisonPill04IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 4);
    }

    @Test
    void poisonPill05IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 5);
    }

    @Test
    void poisonPill06IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 6);
    }

    @Test
    void poisonPill07IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 7);
    }

    @Test
    void poisonPill08IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 8);
    }

    @Test
    void poisonPill09IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 9);
    }

    @Test
    void poisonPill10IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 10);
    }

    @Test
    void poisonPill11IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 11);
    }

    @Test
    void poisonPill12IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 12);
    }

    @Test
    void poisonPill13IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 13);
    }

    @Test
    void poisonPill14IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 14);
    }

    @Test
    void poisonPill15IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 15);
    }

    @Test
    void poisonPill16IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 16);
    }

    @Test
    void poisonPill17IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 17);
    }

    @Test
    void poisonPill18IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 18);
    }

    @Test
    void poisonPill19IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 19);
    }

    @Test
    void poisonPill20IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 20);
    }

    @Test
    void poisonPill21IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 21);
    }

    @Test
    void poisonPill22IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 22);
    }

    @Test
    void poisonPill23IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 23);
    }

    @Test
    void poisonPill24IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 24);
    }

    @Test
    void poisonPill25IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 25);
    }

    @Test
    void poisonPill26IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 26);
    }

    @Test
    void poisonPill27IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 27);
    }

    @Test
    void poisonPill28IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 28);
    }

    @Test
    void poisonPill29IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 29);
    }

    @Test
    void poisonPill30IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 30);
    }

    @Test
    void poisonPill31IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 31);
    }

    @Test
    void poisonPill32IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 32);
    }

    @Test
    void poisonPill33IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 33);
    }

    @Test
    void poisonPill34IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 34);
    }

    @Test
    void poisonPill35IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 35);
    }

    @Test
    void poisonPill36IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 36);
    }

    @Test
    void poisonPill37IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 37);
    }

    @Test
    void poisonPill38IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 38);
    }

    @Test
    void poisonPill39IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 39);
    }

    @Test
    void poisonPill40IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 40);
    }

    @Test
    void poisonPill41IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 41);
    }

    @Test
    void poisonPill42IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 42);
    }

    @Test
    void poisonPill43IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 43);
    }

    @Test
    void poisonPill44IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 44);
    }

    @Test
    void poisonPill45IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 45);
    }

    @Test
    void poisonPill46IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 46);
    }

    @Test
    void poisonPill47IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 47);
    }

    @Test
    void poisonPill48IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 48);
    }

    @Test
    void poisonPill49IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 49);
    }

    @Test
    void poisonPill50IsIsolated(StreamHarness stream, DeadLetterQueue dlq) {
        scenario(stream, dlq, 50);
    }
}
