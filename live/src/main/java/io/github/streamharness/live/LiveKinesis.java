package io.github.streamharness.live;

import io.github.streamharness.StreamRecord;
import io.github.streamharness.spi.StreamBackend;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The harness over a real Kinesis API: {@code put} is PutRecord, every shard is read with GetShardIterator and
 * GetRecords, and what the stream returns (real shard ids, sequence numbers, arrival times) feeds the harness's own
 * mapping engine, which invokes the handler in-process with the exact event and context under the same rules as
 * in-process. The harness clock follows real time, {@link LiveSettings#timeScale()} harness seconds per real second.
 *
 * <p>Nothing runs in the background: the mapping reads and invokes only inside {@code runUntilIdle()} and
 * {@code advance(..)}, on the caller's thread. Get one from {@link KinesisBackend#LIVE} or
 * {@code StreamHarness.builder().backend(new LiveKinesis(settings))}.
 */
public final class LiveKinesis implements StreamBackend {
    private final LiveSettings settings;
    private final KinesisClient kinesis;
    private final SqsDestination destination;
    private final Map<String, ShardMirror> shards = new HashMap<>();
    private final List<ShardMirror> order = new ArrayList<>();
    private Mirror mirror;
    private String streamName;
    private boolean created;
    private long realStartMillis;
    private Instant clockStart;

    /** A backend with these settings (endpoint, region, credentials through the SDK's default chain). */
    public LiveKinesis(LiveSettings settings) {
        this.settings = settings;
        this.kinesis = settings.kinesisClient();
        this.destination = settings.sqsEndpoint().map(e -> new SqsDestination(settings.sqsClient())).orElse(null);
    }

    @Override
    public Layout open(String configuredName, int shardCount) {
        try {
            return openStream(configuredName, shardCount);
        } catch (RuntimeException e) {
            close(); // the harness is not built, so nobody else would delete the stream or close the client
            throw e;
        }
    }

    private Layout openStream(String configuredName, int shardCount) {
        streamName = settings.existingStream().orElse(null);
        if (streamName == null) {
            streamName = configuredName + "-" + UUID.randomUUID().toString().substring(0, 8);
            kinesis.createStream(b -> b.streamName(streamName).shardCount(shardCount));
            created = true;
        }
        DescribeStreamSummaryResponse summary = awaitActive();
        List<Shard> open = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = next == null
                    ? kinesis.listShards(b -> b.streamName(streamName))
                    : kinesis.listShards(b -> b.nextToken(next));
            page.shards().stream().filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
                    .forEach(open::add);
            token = page.nextToken();
        } while (token != null);
        open.sort(Comparator.comparing(s -> new BigInteger(s.hashKeyRange().startingHashKey())));
        realStartMillis = System.currentTimeMillis();
        clockStart = Instant.ofEpochMilli(realStartMillis);
        List<ShardRange> ranges = new ArrayList<>();
        for (Shard s : open) {
            // a stream this backend created is read from its start; an existing one from now on
            String iterator = kinesis.getShardIterator(b -> b.streamName(streamName).shardId(s.shardId())
                    .shardIteratorType(created ? "TRIM_HORIZON" : "LATEST")).shardIterator();
            ShardMirror m = new ShardMirror(s.shardId(), iterator);
            shards.put(s.shardId(), m);
            order.add(m);
            ranges.add(new ShardRange(s.shardId(), new BigInteger(s.hashKeyRange().startingHashKey()),
                    new BigInteger(s.hashKeyRange().endingHashKey())));
        }
        return new Layout(streamName, summary.streamDescriptionSummary().streamARN(), clockStart, ranges);
    }

    private DescribeStreamSummaryResponse awaitActive() {
        DescribeStreamSummaryResponse[] last = new DescribeStreamSummaryResponse[1];
        try {
            Awaitility.await("stream " + streamName + " ACTIVE").pollInSameThread()
                    .pollInterval(Duration.ofMillis(100)).atMost(settings.timeout())
                    .ignoreException(ResourceNotFoundException.class)
                    .until(() -> {
                        last[0] = kinesis.describeStreamSummary(b -> b.streamName(streamName));
                        return last[0].streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("stream " + streamName + " at " + settings.kinesisEndpoint()
                    + " did not become ACTIVE within " + settings.timeout(), e);
        }
        return last[0];
    }

    @Override
    public void bind(Mirror harness) {
        this.mirror = harness;
    }

    @Override
    public StreamRecord put(String partitionKey, byte[] data, String explicitHashKey) {
        PutRecordResponse r = kinesis.putRecord(b -> b.streamName(streamName).partitionKey(partitionKey)
                .data(SdkBytes.fromByteArray(data)).explicitHashKey(explicitHashKey));
        ShardMirror shard = shards.get(r.shardId());
        if (shard == null) {
            throw new IllegalStateException("PutRecord routed to " + r.shardId() + ", which was not an open shard "
                    + "of " + streamName + " when the harness was built (was the stream resharded?)");
        }
        shard.putUpTo(new BigInteger(r.sequenceNumber()));
        // the stream's own arrival time is known once GetRecords returns the record (Shard.records() has it)
        return new StreamRecord(r.shardId(), r.sequenceNumber(), partitionKey, data, harnessTime(
                System.currentTimeMillis()).toEpochMilli());
    }

    @Override
    public void runUntilIdle() {
        long started = System.nanoTime();
        try {
            // every record put so far is in the harness before its clock moves, as in-process (same batches)
            Awaitility.await("GetRecords returns every record put").pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20)).atMost(settings.timeout())
                    .until(() -> {
                        step(true);
                        return order.stream().allMatch(ShardMirror::hasEveryPut);
                    });
            Awaitility.await("every lane caught up").pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).atMost(settings.timeout())
                    .until(() -> {
                        step(false);
                        return order.stream().allMatch(ShardMirror::hasEveryPut) && mirror.caughtUp();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(notIdle(Duration.ofNanos(System.nanoTime() - started)), e);
        }
    }

    @Override
    public void advance(Duration duration) {
        Instant until = mirror.now().plus(duration);
        Duration real = Duration.ofNanos((long) (duration.toNanos() / settings.timeScale()));
        Awaitility.await("harness time " + until).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).atMost(real.plus(settings.timeout()))
                .until(() -> {
                    step(false);
                    return !harnessTime(System.currentTimeMillis()).isBefore(until);
                });
        mirror.advanceTo(until);
        forwardDeadLetters();
    }

    /**
     * One turn: run the mapping up to now, then read the shards that are due (all of them when {@code force}) and
     * forward new on-failure messages. The clock moves first, so a record read now is never ahead of the harness
     * clock: the lanes see it at their next poll, as a real mapping would.
     */
    private void step(boolean force) {
        mirror.advanceTo(harnessTime(System.currentTimeMillis()));
        fetchAll(force);
        forwardDeadLetters();
    }

    private void forwardDeadLetters() {
        if (destination != null) {
            destination.forward(mirror.mappings());
        }
    }

    private void fetchAll(boolean force) {
        long now = System.currentTimeMillis();
        for (ShardMirror s : order) {
            if (force || now >= s.nextFetchMillis) {
                fetch(s, now);
            }
        }
    }

    private void fetch(ShardMirror s, long now) {
        if (s.iterator == null) {
            return; // the shard was closed (resharded) and read to its end
        }
        GetRecordsResponse page;
        try {
            page = kinesis.getRecords(b -> b.shardIterator(s.iterator).limit(10_000));
        } catch (ProvisionedThroughputExceededException e) {
            s.nextFetchMillis = now + settings.pollPeriod().toMillis(); // read again at the next poll
            return;
        } catch (ExpiredIteratorException e) {
            // an iterator lives 5 minutes: a test that paused longer resumes after the last record read
            s.iterator = s.mirrored == null
                    ? kinesis.getShardIterator(b -> b.streamName(streamName).shardId(s.shardId)
                            .shardIteratorType(created ? "TRIM_HORIZON" : "LATEST")).shardIterator()
                    : kinesis.getShardIterator(b -> b.streamName(streamName).shardId(s.shardId)
                            .shardIteratorType("AFTER_SEQUENCE_NUMBER")
                            .startingSequenceNumber(s.mirrored.toString())).shardIterator();
            s.nextFetchMillis = now;
            return;
        }
        s.iterator = page.nextShardIterator();
        for (var r : page.records()) {
            BigInteger sequence = new BigInteger(r.sequenceNumber());
            mirror.append(s.shardId, r.sequenceNumber(), r.partitionKey(), r.data().asByteArray(),
                    harnessTime(r.approximateArrivalTimestamp().toEpochMilli()).toEpochMilli());
            s.mirrored = sequence;
        }
        boolean more = !page.records().isEmpty()
                || (page.millisBehindLatest() != null && page.millisBehindLatest() > 0);
        // rule 2.2 / 0.3: a caught-up shard is read once per harness second, at most 5 GetRecords/s (Kinesis limit)
        s.nextFetchMillis = more ? now : now + settings.pollPeriod().toMillis();
    }

    /** Harness time of a real-time instant: the clock starts with real time and runs timeScale times as fast. */
    private Instant harnessTime(long realMillis) {
        double elapsed = (realMillis - realStartMillis) * settings.timeScale();
        return clockStart.plusMillis(Math.round(elapsed));
    }

    private String notIdle(Duration waited) {
        StringBuilder text = new StringBuilder("runUntilIdle() waited " + waited.toMillis() + " ms of real time "
                + "(streamharness.live.timeoutSeconds = " + settings.timeout().toSeconds() + ") and stream "
                + streamName + " at " + settings.kinesisEndpoint() + " is not idle:");
        for (ShardMirror s : order) {
            if (!s.hasEveryPut()) {
                text.append("\n  ").append(s.shardId).append(": GetRecords has not yet returned every record put "
                        + "(last put ").append(s.lastPut).append(", last read ").append(s.mirrored).append(')');
            }
        }
        if (!mirror.caughtUp()) {
            text.append("\n  a mapping still has pending records (a batch retried forever: set "
                    + "MaximumRetryAttempts or MaximumRecordAgeInSeconds, or raise the timeout)");
        }
        mirror.mappings().forEach(m -> text.append('\n').append(m.invocations().describe(20)));
        return text.toString();
    }

    @Override
    public void close() {
        try {
            if (created && streamName != null) {
                kinesis.deleteStream(b -> b.streamName(streamName).enforceConsumerDeletion(true));
            }
        } finally {
            kinesis.close();
            if (destination != null) {
                destination.close();
            }
        }
    }

    /** The real stream's name (the configured name plus a random suffix when this backend created it). */
    public String streamName() {
        return streamName;
    }

    /** The Kinesis client (to read records back, e.g. for a DLQ processor); closed with the harness. */
    public KinesisClient kinesisClient() {
        return kinesis;
    }

    private static final class ShardMirror {
        final String shardId;
        String iterator;
        BigInteger lastPut;
        BigInteger mirrored;
        long nextFetchMillis;

        ShardMirror(String shardId, String iterator) {
            this.shardId = shardId;
            this.iterator = iterator;
        }

        void putUpTo(BigInteger sequence) {
            if (lastPut == null || sequence.compareTo(lastPut) > 0) {
                lastPut = sequence;
            }
        }

        boolean hasEveryPut() {
            return lastPut == null || (mirrored != null && mirrored.compareTo(lastPut) >= 0);
        }
    }
}
