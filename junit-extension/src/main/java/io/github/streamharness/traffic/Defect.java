package io.github.streamharness.traffic;

/**
 * The bad records people meet in production, which {@link KinesisRecords} can mix into a generated run at a given
 * share or at given indexes.
 */
public enum Defect {
    /**
     * A poison pill: data that is not valid JSON. A JSON object or array payload is cut short (a proper prefix of it,
     * e.g. <code>&#123;"id":7,"met</code>); any other payload becomes <code>&#123;not json </code> followed by the payload.
     */
    MALFORMED_JSON,
    /** A record with zero bytes of data. */
    EMPTY_DATA,
    /**
     * A record padded to the Kinesis maximum record size (data plus partition key = 1 MiB, 1,048,576 bytes) or to the
     * size given to {@link KinesisRecords#oversized(double, int)}; a JSON object payload stays valid JSON.
     */
    OVERSIZED,
    /** Data that is not valid UTF-8: the payload with the byte sequence {@code C3 28} (a cut two-byte character) in it. */
    INVALID_UTF8,
    /** A record whose partition key is the hot key (see {@link KinesisRecords#hotKey(String, double)}). */
    HOT_KEY
}
