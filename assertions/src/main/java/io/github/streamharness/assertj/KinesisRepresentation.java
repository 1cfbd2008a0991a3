package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.Invocation;
import io.github.streamharness.ShardPosition;
import io.github.streamharness.StreamRecord;
import org.assertj.core.presentation.StandardRepresentation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How failure messages print Kinesis values: a record as {@code shardId-000000000000/4917...000003 pk=user-7
 * data={"id":7}}, data as UTF-8 text (hex when it is not text), invocations and on-failure messages on one line.
 * Every assert class of this module uses it; anything else prints as AssertJ's {@link StandardRepresentation} does.
 *
 * <p>Sequence numbers keep their first 4 and last 6 digits: the tail tells records of one shard apart and matches
 * the {@code ...000003} form of the timeline at the end of each message.
 */
public class KinesisRepresentation extends StandardRepresentation {
    /** The shared instance; the representation holds no state. */
    public static final KinesisRepresentation KINESIS_REPRESENTATION = new KinesisRepresentation();

    /** Characters of data shown before "...". */
    static final int DATA_PREVIEW_CHARS = 40;
    /** Bytes shown in hex before "...". */
    static final int HEX_PREVIEW_BYTES = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** Creates the representation; prefer {@link #KINESIS_REPRESENTATION}. */
    public KinesisRepresentation() {
    }

    @Override
    public String toStringOf(Object object) {
        if (object instanceof StreamRecord r) {
            return r.shardId() + "/" + abbreviate(r.sequenceNumber()) + " pk=" + r.partitionKey() + " data="
                    + preview(r.data());
        }
        if (object instanceof ByteBuffer b) {
            return bufferToString(b);
        }
        if (object instanceof Invocation i) {
            return invocation(i);
        }
        if (object instanceof DeadLetter d) {
            return deadLetter(d);
        }
        if (object instanceof ShardPosition p) {
            return position(p);
        }
        if (object instanceof KinesisEvent.KinesisEventRecord e) {
            return eventRecord(e);
        }
        if (object instanceof StreamsEventResponse s) {
            return response(s);
        }
        if (object instanceof StreamsEventResponse.BatchItemFailure f) {
            return "itemIdentifier=" + quoted(f.getItemIdentifier());
        }
        if (object instanceof java.time.Duration d) {
            return duration(d);
        }
        return super.toStringOf(object);
    }

    /** {@code 45m 0s}, {@code 1h 2m 3s}, {@code 10s}, {@code 1.500s}: virtual-time durations as people read them. */
    static String duration(java.time.Duration d) {
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        int seconds = d.toSecondsPart();
        int millis = d.toMillisPart();
        String secs = millis == 0 ? seconds + "s" : String.format(java.util.Locale.ROOT, "%d.%03ds", seconds, millis);
        if (hours > 0) {
            return hours + "h " + minutes + "m " + secs;
        }
        return minutes > 0 ? minutes + "m " + secs : secs;
    }

    /** {@code 4917...000003} for a long sequence number; short ones unchanged. */
    static String abbreviate(String sequenceNumber) {
        if (sequenceNumber == null) {
            return "null";
        }
        return sequenceNumber.length() > 13
                ? sequenceNumber.substring(0, 4) + "..." + sequenceNumber.substring(sequenceNumber.length() - 6)
                : sequenceNumber;
    }

    /** Short, unquoted form of data: text (cut at {@value #DATA_PREVIEW_CHARS} chars) or hex. */
    static String preview(ByteBuffer data) {
        if (data == null) {
            return "null";
        }
        Optional<String> text = text(data);
        if (text.isPresent()) {
            String t = text.get();
            return t.length() > DATA_PREVIEW_CHARS ? t.substring(0, DATA_PREVIEW_CHARS - 3) + "..." : t;
        }
        return hex(data);
    }

    private static String bufferToString(ByteBuffer data) {
        Optional<String> text = text(data);
        return text.map(t -> "\"" + t + "\"").orElseGet(() -> hex(data));
    }

    /** The remaining bytes as text, when they are valid UTF-8 without control characters (tab and newlines ok). */
    static Optional<String> text(ByteBuffer data) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(data.duplicate());
            String s = chars.toString();
            boolean printable = s.chars().allMatch(c -> c >= 0x20 && c != 0x7F || c == '\t' || c == '\n'
                    || c == '\r');
            return printable ? Optional.of(s) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String hex(ByteBuffer data) {
        ByteBuffer b = data.duplicate();
        int n = b.remaining();
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < Math.min(n, HEX_PREVIEW_BYTES); i++) {
            sb.append(String.format("%02x", b.get() & 0xff));
        }
        if (n > HEX_PREVIEW_BYTES) {
            sb.append("...");
        }
        return sb.append(" (").append(n).append(n == 1 ? " byte)" : " bytes)").toString();
    }

    private static String invocation(Invocation i) {
        String where = i.lane() == 0 ? i.shardId() : i.shardId() + "/lane-" + i.lane();
        return "#" + i.number() + " " + where + " " + i.recordRange() + " attempt "
                + i.attempt() + " -> " + i.outcome().label() + " at " + TIME.format(i.startedAt())
                + (i.environmentId() == null ? "" : " on " + i.environmentId() + (i.coldStart() ? " (cold)" : ""));
    }

    private static String deadLetter(DeadLetter d) {
        return d.condition() + " " + d.shardId() + " " + d.recordRange()
                + " approximateInvokeCount=" + d.approximateInvokeCount()
                + (d.functionError() == null ? "" : " functionError=" + d.functionError())
                + " at " + TIME.format(d.timestamp());
    }

    private static String position(ShardPosition p) {
        return p.shardId() + " checkpoint=" + p.checkpoint().map(r -> abbreviate(r.sequenceNumber())).orElse("none")
                + " next=" + p.next().map(r -> abbreviate(r.sequenceNumber())).orElse("none")
                + (p.blocked() ? " blockedAt=" + abbreviate(p.blockedAt().get().sequenceNumber()) : "")
                + " pending=" + p.pending() + " iteratorAge=" + duration(p.iteratorAge());
    }

    private static String eventRecord(KinesisEvent.KinesisEventRecord e) {
        KinesisEvent.Record k = e.getKinesis();
        if (k == null) {
            return "KinesisEventRecord[eventID=" + e.getEventID() + "]";
        }
        return e.getEventID() == null ? "?/" + abbreviate(k.getSequenceNumber()) + " pk=" + k.getPartitionKey()
                + " data=" + preview(k.getData())
                : e.getEventID().replaceFirst(":.*$", "") + "/" + abbreviate(k.getSequenceNumber()) + " pk="
                + k.getPartitionKey() + " data=" + preview(k.getData());
    }

    private static String response(StreamsEventResponse s) {
        List<StreamsEventResponse.BatchItemFailure> failures = s.getBatchItemFailures();
        if (failures == null) {
            return "StreamsEventResponse[batchItemFailures=null]";
        }
        return failures.stream().map(f -> f == null ? "null" : quoted(f.getItemIdentifier()))
                .collect(Collectors.joining(", ", "StreamsEventResponse[batchItemFailures=[", "]]"));
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
