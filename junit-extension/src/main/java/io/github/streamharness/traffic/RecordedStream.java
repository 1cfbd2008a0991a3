package io.github.streamharness.traffic;

import io.github.streamharness.StreamHarness;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The records of one recorded-events file, fully validated, in file order; {@link #inSequenceOrder()} gives them in
 * original sequence order and {@link #replayInto(RecordSink, ReplayOptions)} puts them into a stream.
 */
public final class RecordedStream {
    private final String sourceName;
    private final RecordedFormat format;
    private final List<RecordedRecord> records;

    RecordedStream(String sourceName, RecordedFormat format, List<RecordedRecord> records) {
        this.sourceName = sourceName;
        this.format = format;
        this.records = List.copyOf(records);
    }

    /** The file, path or resource the records came from, as the caller named it. */
    public String sourceName() {
        return sourceName;
    }

    /** The format the file was recognised as. */
    public RecordedFormat format() {
        return format;
    }

    /** The records (an immutable list). */
    public List<RecordedRecord> records() {
        return records;
    }

    /** The number of records. */
    public int size() {
        return records.size();
    }

    /** The records as things to put, keeping partition keys and data. */
    public List<RecordSpec> specs() {
        return records.stream().map(RecordedRecord::toSpec).toList();
    }

    /**
     * The same records sorted by original sequence number, compared as numbers (rule 12.1); records without a
     * sequence number come last, and ties (the same number in two shards, rule 12.2) keep file order.
     */
    public RecordedStream inSequenceOrder() {
        List<RecordedRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing((RecordedRecord r) -> r.sequenceNumber().map(BigInteger::new).orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return new RecordedStream(sourceName, format, sorted);
    }

    /** Puts every record into the harness now, in file order. */
    public Replay replayInto(StreamHarness harness) {
        return replayInto(RecordSink.of(harness), ReplayOptions.defaults());
    }

    /** Puts the records into the harness as the options say. */
    public Replay replayInto(StreamHarness harness, ReplayOptions options) {
        return replayInto(RecordSink.of(harness), options);
    }

    /**
     * Puts the records into {@code sink}, keeping partition keys and data (the stream gives them new sequence
     * numbers and shards by their keys). Records due now are put before this returns; with
     * {@link ReplayOptions#withOriginalSpacing() original spacing} the later ones are put by actions scheduled on
     * the sink (one pending action at a time) as its virtual time advances.
     */
    public Replay replayInto(RecordSink sink, ReplayOptions options) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(options, "options");
        List<RecordedRecord> order = options.sequenceOrder() ? inSequenceOrder().records : records;
        Instant start = sink.now();
        if (!options.originalSpacing()) {
            order.forEach(r -> sink.put(r.toSpec()));
            return new Replay(order.size(), start, start);
        }
        List<Instant> times = putTimes(order, start);
        new SpacedReplay(sink, order, times).putDue();
        return new Replay(order.size(), start, times.isEmpty() ? start : times.get(times.size() - 1));
    }

    /** The put time of each record: start plus its arrival offset from the first known arrival, never decreasing. */
    private static List<Instant> putTimes(List<RecordedRecord> order, Instant start) {
        List<Instant> times = new ArrayList<>(order.size());
        Instant base = null;
        Instant previous = start;
        for (RecordedRecord record : order) {
            Instant at = previous;
            Instant arrival = record.approximateArrivalTimestamp().orElse(null);
            if (arrival != null) {
                if (base == null) {
                    base = arrival;
                }
                Instant offset = start.plus(Duration.between(base, arrival));
                at = offset.isAfter(previous) ? offset : previous;
            }
            times.add(at);
            previous = at;
        }
        return times;
    }

    @Override
    public String toString() {
        return "RecordedStream[" + sourceName + ", " + format + ", " + records.size() + " records]";
    }

    /** Puts the records due at the sink's time, then schedules itself for the next put time. */
    private static final class SpacedReplay {
        private final RecordSink sink;
        private final List<RecordedRecord> order;
        private final List<Instant> times;
        private int next;

        SpacedReplay(RecordSink sink, List<RecordedRecord> order, List<Instant> times) {
            this.sink = sink;
            this.order = order;
            this.times = times;
        }

        void putDue() {
            Instant now = sink.now();
            while (next < order.size() && !times.get(next).isAfter(now)) {
                sink.put(order.get(next).toSpec());
                next++;
            }
            if (next < order.size()) {
                sink.schedule(times.get(next), this::putDue);
            }
        }
    }
}
