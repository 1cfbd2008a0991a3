package io.github.streamharness.traffic;

import io.github.streamharness.StreamHarness;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Puts records into a stream at a steady rate over virtual time, e.g. 10,000 records per second for 10 minutes:
 *
 * <pre>{@code
 * RateProducer.of(KinesisRecords.withSeed(7)).recordsPerSecond(10_000).forDuration(Duration.ofMinutes(10)).start(harness);
 * harness.advance(Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Nothing is built up front: the producer schedules itself on the sink's scheduler, one tick at a time (1 ms by
 * default), and each tick puts the records due before the next tick, in calls of at most
 * {@value #PUT_RECORDS_LIMIT} records ({@link RecordSink#putAll}, as a producer batches them into PutRecords
 * requests). Record {@code j} is due at {@code start + j / rate} (exact integer arithmetic, no drift), so arrival
 * times are spread evenly and are the same on every run. The run covers {@code [start, start + duration)} and puts
 * {@code floor(rate * duration)} records. Instances are immutable; {@link #start(RecordSink)} may be called many times with a
 * {@link KinesisRecords} or function source, once with an iterator source.
 */
public final class RateProducer {
    /** Records per producer call: at most 500, as a Kinesis PutRecords request takes. */
    public static final int PUT_RECORDS_LIMIT = 500;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final BigInteger KEY_SPACE = BigInteger.ONE.shiftLeft(128);

    private final IntFunction<RecordSpec> source;
    private final long ratePerSecond;
    private final int shards;
    private final Duration duration;
    private final Duration tick;

    private RateProducer(IntFunction<RecordSpec> source, long ratePerSecond, int shards, Duration duration,
                         Duration tick) {
        this.source = source;
        this.ratePerSecond = ratePerSecond;
        this.shards = shards;
        this.duration = duration;
        this.tick = tick;
    }

    /** A producer of the generator's records, in index order. */
    public static RateProducer of(KinesisRecords records) {
        Objects.requireNonNull(records, "records");
        return new RateProducer(records::record, 0, 0, null, Duration.ofMillis(1));
    }

    /** A producer of {@code records.apply(j)} for the j-th record put (0-based). */
    public static RateProducer of(IntFunction<RecordSpec> records) {
        Objects.requireNonNull(records, "records");
        return new RateProducer(records, 0, 0, null, Duration.ofMillis(1));
    }

    /** A producer of the iterator's records; the run ends early when the iterator does. */
    public static RateProducer of(Iterator<RecordSpec> records) {
        Objects.requireNonNull(records, "records");
        return new RateProducer(j -> records.hasNext() ? records.next() : null, 0, 0, null, Duration.ofMillis(1));
    }

    /** Puts {@code rate} records per second into the stream as a whole; partition keys route them as usual. */
    public RateProducer recordsPerSecond(long rate) {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1 record per second, got " + rate);
        }
        return new RateProducer(source, rate, 0, duration, tick);
    }

    /**
     * Puts {@code ratePerShard} records per second into each of {@code shardCount} shards: the stream rate is
     * {@code ratePerShard * shardCount} and record {@code j} gets an explicit hash key in the middle of shard
     * {@code j % shardCount}'s hash range (shards split the key space evenly, as CreateStream does), so every shard
     * gets exactly its share whatever the partition keys are. The partition keys are kept; a record that already
     * has an explicit hash key keeps it.
     */
    public RateProducer recordsPerSecondPerShard(long ratePerShard, int shardCount) {
        if (shardCount < 1) {
            throw new IllegalArgumentException("shardCount must be at least 1, got " + shardCount);
        }
        if (ratePerShard < 1) {
            throw new IllegalArgumentException("rate must be at least 1 record per second, got " + ratePerShard);
        }
        return new RateProducer(source, Math.multiplyExact(ratePerShard, shardCount), shardCount, duration, tick);
    }

    /** How long the producer runs, from its start. */
    public RateProducer forDuration(Duration runFor) {
        Objects.requireNonNull(runFor, "runFor");
        if (runFor.isNegative() || runFor.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + runFor);
        }
        return new RateProducer(source, ratePerSecond, shards, runFor, tick);
    }

    /**
     * The producer's step (default 1 ms, the resolution of arrival timestamps): each tick puts the records due
     * before the next one, all arriving at the tick's time. A longer tick means fewer scheduler events and coarser
     * arrival times, e.g. 100 ms puts {@code rate / 10} records every 100 ms.
     */
    public RateProducer tick(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("tick must be positive, got " + step);
        }
        return new RateProducer(source, ratePerSecond, shards, duration, step);
    }

    /** The number of records a full run puts: {@code floor(rate * duration)}. */
    public long plannedRecords() {
        checkConfigured();
        BigInteger total = BigInteger.valueOf(ratePerSecond).multiply(BigInteger.valueOf(toNanos(duration)))
                .divide(BigInteger.valueOf(NANOS_PER_SECOND));
        if (total.bitLength() > 31) {
            throw new IllegalArgumentException("a run of " + total + " records is more than " + Integer.MAX_VALUE
                    + "; shorten the duration or lower the rate");
        }
        return total.longValue();
    }

    /** Starts the run at the harness's current virtual time; records go in as the harness's time advances. */
    public Run start(StreamHarness harness) {
        return start(RecordSink.of(harness));
    }

    /** Starts the run at the sink's current time; the first tick is scheduled at that time, not run now. */
    public Run start(RecordSink sink) {
        Objects.requireNonNull(sink, "sink");
        Run run = new Run(sink, (int) plannedRecords(), sink.now());
        sink.schedule(run.startedAt, run::tick);
        return run;
    }

    @Override
    public String toString() {
        return "RateProducer[" + ratePerSecond + " records/s" + (shards > 0 ? " over " + shards + " shards" : "")
                + ", for " + duration + ", tick " + tick + "]";
    }

    private void checkConfigured() {
        if (ratePerSecond == 0) {
            throw new IllegalStateException("no rate: call recordsPerSecond(..) or recordsPerSecondPerShard(..)");
        }
        if (duration == null) {
            throw new IllegalStateException("no duration: call forDuration(..)");
        }
    }

    private static long toNanos(Duration d) {
        return d.toNanos();
    }

    /** The middle of shard {@code shard}'s hash key range among {@code count} equal ranges, in decimal. */
    static String hashKeyInShard(int shard, int count) {
        return KEY_SPACE.multiply(BigInteger.valueOf(2L * shard + 1)).divide(BigInteger.valueOf(2L * count))
                .toString();
    }

    /** A started run: how far it got, when it ends, and a way to stop it. */
    public final class Run {
        private final RecordSink sink;
        private final int planned;
        private final Instant startedAt;
        private final long startNanos;
        private final long tickNanos;
        private int next;
        private boolean stopped;
        private boolean exhausted;

        private Run(RecordSink sink, int planned, Instant startedAt) {
            this.sink = sink;
            this.planned = planned;
            this.startedAt = startedAt;
            this.startNanos = epochNanos(startedAt);
            this.tickNanos = toNanos(tick);
        }

        /** The records put so far. */
        public long recordsPut() {
            return next;
        }

        /** The records a full run puts. */
        public long plannedRecords() {
            return planned;
        }

        /** The virtual time of the first tick. */
        public Instant startedAt() {
            return startedAt;
        }

        /** The end of the run's time span ({@code start + duration}); the last record is due before it. */
        public Instant endsAt() {
            return startedAt.plus(duration);
        }

        /** Whether every planned record is put, or the run was stopped, or its source ran out. */
        public boolean isFinished() {
            return stopped || exhausted || next >= planned;
        }

        /** Stops the run: no record is put after this call. */
        public void stop() {
            stopped = true;
        }

        /** Puts every record due before the next tick, then schedules the tick at which the next one is due. */
        private void tick() {
            if (isFinished()) {
                return;
            }
            long now = epochNanos(sink.now());
            long horizon = now + tickNanos;
            List<RecordSpec> call = new ArrayList<>();
            while (next + call.size() < planned && dueNanos(next + call.size()) < horizon) {
                int j = next + call.size();
                RecordSpec record = source.apply(j);
                if (record == null) {
                    exhausted = true;
                    break;
                }
                if (shards > 0 && record.explicitHashKey() == null) {
                    record = record.withExplicitHashKey(hashKeyInShard(j % shards, shards));
                }
                call.add(record);
                if (call.size() == PUT_RECORDS_LIMIT) {
                    flush(call);
                    call = new ArrayList<>();
                }
            }
            flush(call);
            if (!isFinished()) {
                long due = dueNanos(next);
                long ticks = (due - startNanos) / tickNanos;
                sink.schedule(instantOf(Math.max(startNanos + ticks * tickNanos, horizon)), this::tick);
            }
        }

        /**
         * Puts the records of one producer call (all due in this tick, at most {@value #PUT_RECORDS_LIMIT}) and
         * counts them once they are in: a call the sink refuses puts none of them.
         */
        private void flush(List<RecordSpec> call) {
            if (!call.isEmpty()) {
                sink.putAll(Collections.unmodifiableList(call));
                next += call.size();
            }
        }

        /** When record {@code j} is due: {@code start + ceil(j * 1e9 / rate)} nanoseconds. */
        private long dueNanos(int j) {
            long scaled = Math.multiplyExact((long) j, NANOS_PER_SECOND);
            return startNanos + (scaled + ratePerSecond - 1) / ratePerSecond;
        }

        @Override
        public String toString() {
            return "RateProducer.Run[" + next + " of " + planned + " records put, started " + startedAt
                    + (stopped ? ", stopped" : "") + "]";
        }
    }

    private static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    private static Instant instantOf(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }
}
