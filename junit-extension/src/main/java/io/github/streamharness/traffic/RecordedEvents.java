package io.github.streamharness.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads recorded Kinesis records from a file, so production captures and AWS example events can be replayed.
 * The format is recognised from the content:
 * <ul>
 *   <li>a Lambda Kinesis event {@code {"Records":[{"kinesis":{"partitionKey","data","sequenceNumber",
 *       "approximateArrivalTimestamp"?},"eventID"?,...}]}} (the shard id is taken from {@code eventID});</li>
 *   <li>the output of {@code aws kinesis get-records}: {@code {"Records":[{"SequenceNumber",
 *       "ApproximateArrivalTimestamp"?,"Data","PartitionKey"}],"NextShardIterator":...,"MillisBehindLatest":...}};</li>
 *   <li>JSON Lines: one record object per line, each either a Lambda event record ({@code {"kinesis":{...}}}), a
 *       get-records record ({@code {"SequenceNumber",...}}) or the plain shape {@code {"partitionKey":"pk",
 *       "data":"<base64>"}} or {@code {"partitionKey":"pk","text":"<UTF-8 text>"}}, with optional
 *       {@code "sequenceNumber"} (decimal string), {@code "shardId"} and {@code "approximateArrivalTimestamp"}.</li>
 * </ul>
 * Arrival timestamps may be epoch seconds (a number, with a fraction) or ISO-8601 text with an offset; they are
 * optional, as in the AWS docs' example event. Unknown fields are ignored; duplicate fields are errors. Files are
 * UTF-8. A bad file throws {@link RecordedEventsException} naming the file, line and column and what was expected;
 * the whole file is validated before anything is returned, so nothing is ever half-loaded.
 */
public final class RecordedEvents {

    private RecordedEvents() {
    }

    /** Loads a file; error messages name it by {@code path} as given. */
    public static RecordedStream fromPath(Path path) {
        Objects.requireNonNull(path, "path");
        String name = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new RecordedEventsException(name, 0, 0, "no such file", e);
        } catch (IOException e) {
            throw new RecordedEventsException(name, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return fromBytes(bytes, name);
    }

    /** Loads from a stream (read to its end, not closed); error messages name it {@code sourceName}. */
    public static RecordedStream fromStream(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        try {
            return fromBytes(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new RecordedEventsException(sourceName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a classpath resource, e.g. {@code fromClasspath("recorded/orders.json", testClass.getClassLoader())};
     * the name is a resource path without a leading slash (one is tolerated). The entry point for annotations that
     * load a file from the test classpath.
     */
    public static RecordedStream fromClasspath(String resource, ClassLoader loader) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(loader, "loader");
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new RecordedEventsException(resource, 0, 0, "no such resource on the classpath", null);
            }
            return fromStream(in, resource);
        } catch (IOException e) {
            throw new RecordedEventsException(resource, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads JSON text held in memory (handy for small inline captures); error messages name it {@code sourceName}. */
    public static RecordedStream fromString(String json, String sourceName) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(sourceName, "sourceName");
        return new RecordedParser(sourceName).parse(json);
    }

    private static RecordedStream fromBytes(byte[] bytes, String name) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RecordedEventsException(name, 0, 0, "expected UTF-8 text: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new RecordedParser(name).parse(text);
    }
}
