package io.github.streamharness.traffic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A seeded generator of records to put: payloads from a JSON template or a function of the index, partition keys
 * from a distribution, payload sizes, and bad records mixed in at a share or at given indexes.
 *
 * <pre>{@code
 * List<RecordSpec> records = KinesisRecords.withSeed(42)
 *     .json("{\"id\":${index},\"metric\":\"${oneOf:cpu,mem}\",\"value\":${double:0,100}}")
 *     .skewedKeys(100, 0.5)           // pk-0 gets half of all records
 *     .malformedJson(0.01)            // 1 % poison pills
 *     .defectAt(7, Defect.EMPTY_DATA) // and record 7 is empty
 *     .take(1_000);
 * }</pre>
 *
 * <p>Instances are immutable: each method returns a new generator. Record {@code i} depends only on the seed, the
 * configuration and {@code i}, so {@link #take(int)} twice, or on another machine or JDK, gives the same bytes. Each
 * record draws its key, its defect and its payload from three separate seeded sources, so adding a defect share
 * does not change which keys the records get. The seed is in {@link #toString()}, so a failing random test can be
 * replayed exactly with {@link #withSeed(long)}.
 */
public final class KinesisRecords {
    /** The seed used when none is given (no wall-clock or unseeded randomness anywhere). */
    public static final long DEFAULT_SEED = 42L;
    /** Kinesis's maximum record size: data plus partition key, 1 MiB. */
    public static final int MAX_RECORD_BYTES = 1_048_576;
    /** Kinesis's maximum partition key length in Unicode characters. */
    public static final int MAX_PARTITION_KEY_LENGTH = 256;
    /** The default payload template. */
    static final String DEFAULT_TEMPLATE = "{\"id\":${index}}";

    private static final int KEY_STREAM = 1;
    private static final int DEFECT_STREAM = 2;
    private static final int PAYLOAD_STREAM = 3;

    /** Makes a record's normal payload. */
    private interface Payload {
        byte[] make(int index, String key, SplittableRandom random);
    }

    private final long seed;
    private final Payload payload;
    private final String payloadDescription;
    private final PartitionKeys keys;
    private final int minSize;
    private final int maxSize;
    private final Map<Defect, Double> shares;
    private final Map<Integer, Defect> fixedDefects;
    private final String hotKey;
    private final int oversizedBytes;

    private KinesisRecords(long seed, Payload payload, String payloadDescription, PartitionKeys keys, int minSize,
                           int maxSize, Map<Defect, Double> shares, Map<Integer, Defect> fixedDefects, String hotKey,
                           int oversizedBytes) {
        this.seed = seed;
        this.payload = payload;
        this.payloadDescription = payloadDescription;
        this.keys = keys;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.shares = shares;
        this.fixedDefects = fixedDefects;
        this.hotKey = hotKey;
        this.oversizedBytes = oversizedBytes;
    }

    /** A generator with {@link #DEFAULT_SEED}, payload {@code {"id":${index}}} and keys uniform over 10 keys. */
    public static KinesisRecords create() {
        return withSeed(DEFAULT_SEED);
    }

    /** A generator with the given seed, payload {@code {"id":${index}}} and keys uniform over 10 keys. */
    public static KinesisRecords withSeed(long seed) {
        PayloadTemplate template = PayloadTemplate.parse(DEFAULT_TEMPLATE);
        return new KinesisRecords(seed, templatePayload(template), "json(" + template + ")",
                PartitionKeys.uniform(10), 0, 0, new EnumMap<>(Defect.class), new TreeMap<>(), "hot-key", -1);
    }

    /** The seed of this generator. */
    public long seed() {
        return seed;
    }

    /** The same configuration with another seed. */
    public KinesisRecords seed(long newSeed) {
        return new KinesisRecords(newSeed, payload, payloadDescription, keys, minSize, maxSize, shares, fixedDefects,
                hotKey, oversizedBytes);
    }

    // ---- payloads --------------------------------------------------------------------------------------------

    /**
     * Payloads from a text template with placeholders: {@code ${index}}, {@code ${key}} (the partition key),
     * {@code ${oneOf:a,b,c}}, {@code ${int:min,max}} (inclusive), {@code ${double:min,max}} or
     * {@code ${double:min,max,scale}} (default 2 decimals), {@code ${uuid}}, {@code ${bool}}, {@code ${string:length}}
     * (lowercase letters and digits); <code>$$&#123;</code> is a literal <code>$&#123;</code>. Values are inserted as they are, so
     * quote strings in the template. A bad placeholder throws {@link IllegalArgumentException} here.
     */
    public KinesisRecords json(String template) {
        PayloadTemplate parsed = PayloadTemplate.parse(template);
        return payload(templatePayload(parsed), "json(" + parsed + ")");
    }

    /** Payloads that are the UTF-8 encoding of {@code text.apply(index)}. */
    public KinesisRecords text(IntFunction<String> text) {
        Objects.requireNonNull(text, "text");
        return payload((index, key, random) -> text.apply(index).getBytes(StandardCharsets.UTF_8), "text(function)");
    }

    /** Payloads that are {@code bytes.apply(index)}, for binary records. */
    public KinesisRecords bytes(IntFunction<byte[]> bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return payload((index, key, random) -> bytes.apply(index).clone(), "bytes(function)");
    }

    /**
     * Pads each normal payload to a size drawn uniformly from {@code [minBytes, maxBytes]}: a JSON object gets a
     * {@code "padding"} string field of random letters (and stays valid JSON), any other payload gets trailing
     * spaces. A payload already at least that long is left as it is.
     */
    public KinesisRecords payloadSize(int minBytes, int maxBytes) {
        if (minBytes < 0 || maxBytes < minBytes) {
            throw new IllegalArgumentException("need 0 <= minBytes <= maxBytes, got " + minBytes + ", " + maxBytes);
        }
        return new KinesisRecords(seed, payload, payloadDescription, keys, minBytes, maxBytes, shares, fixedDefects,
                hotKey, oversizedBytes);
    }

    // ---- partition keys ----------------------------------------------------------------------------------------

    /** Partition keys {@code pk-0 .. pk-(count-1)}, each equally likely (the default is 10 keys). */
    public KinesisRecords uniformKeys(int count) {
        return keys(PartitionKeys.uniform(count));
    }

    /**
     * Partition keys {@code pk-0 .. pk-(count-1)} where {@code pk-0} is hot: it gets {@code hotShare} of the records
     * (0..1) and the other keys share the rest equally.
     */
    public KinesisRecords skewedKeys(int count, double hotShare) {
        return keys(PartitionKeys.skewed(count, hotShare));
    }

    /** Partition keys drawn uniformly from the given set. */
    public KinesisRecords keys(String... keySet) {
        return keys(PartitionKeys.fixed(Arrays.asList(keySet)));
    }

    /** A fresh random, UUID-shaped partition key for every record (from the seeded source). */
    public KinesisRecords randomKeys() {
        return keys(PartitionKeys.randomUuids());
    }

    // ---- bad records -------------------------------------------------------------------------------------------

    /** Makes {@code share} (0..1) of the records poison pills: data that is not valid JSON ({@link Defect#MALFORMED_JSON}). */
    public KinesisRecords malformedJson(double share) {
        return share(Defect.MALFORMED_JSON, share);
    }

    /** Makes {@code share} (0..1) of the records empty ({@link Defect#EMPTY_DATA}). */
    public KinesisRecords emptyData(double share) {
        return share(Defect.EMPTY_DATA, share);
    }

    /** Makes {@code share} (0..1) of the records as large as Kinesis allows: data plus key = 1 MiB. */
    public KinesisRecords oversized(double share) {
        return share(Defect.OVERSIZED, share);
    }

    /**
     * Makes {@code share} (0..1) of the records exactly {@code dataBytes} bytes of data, e.g. one byte over the
     * limit ({@code MAX_RECORD_BYTES - keyLength + 1}) to test what rejects it; also the size of
     * {@link #defectAt(int, Defect) fixed} oversized records.
     */
    public KinesisRecords oversized(double share, int dataBytes) {
        if (dataBytes < 0) {
            throw new IllegalArgumentException("dataBytes must be >= 0, got " + dataBytes);
        }
        KinesisRecords shared = share(Defect.OVERSIZED, share);
        return new KinesisRecords(seed, payload, payloadDescription, keys, minSize, maxSize, shared.shares,
                fixedDefects, hotKey, dataBytes);
    }

    /** Makes {@code share} (0..1) of the records invalid UTF-8 ({@link Defect#INVALID_UTF8}). */
    public KinesisRecords invalidUtf8(double share) {
        return share(Defect.INVALID_UTF8, share);
    }

    /**
     * Gives {@code share} (0..1) of the records the partition key {@code key}, on top of any key distribution: a
     * hot key that makes one shard (or one lane) busier than the others. Also the key of
     * {@link #defectAt(int, Defect) fixed} {@link Defect#HOT_KEY} records (default {@code hot-key}).
     */
    public KinesisRecords hotKey(String key, double share) {
        checkPartitionKey(key);
        KinesisRecords shared = share(Defect.HOT_KEY, share);
        return new KinesisRecords(seed, payload, payloadDescription, keys, minSize, maxSize, shared.shares,
                fixedDefects, key, oversizedBytes);
    }

    /** Makes record {@code index} (0-based) have {@code defect}, whatever the shares say. */
    public KinesisRecords defectAt(int index, Defect defect) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        Map<Integer, Defect> copy = new TreeMap<>(fixedDefects);
        copy.put(index, Objects.requireNonNull(defect, "defect"));
        return new KinesisRecords(seed, payload, payloadDescription, keys, minSize, maxSize, shares, copy, hotKey,
                oversizedBytes);
    }

    // ---- output ------------------------------------------------------------------------------------------------

    /** Record {@code index} (0-based) of this generator's run. */
    public RecordSpec record(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        String key = keys.choose(index, randomFor(index, KEY_STREAM));
        SplittableRandom defectRandom = randomFor(index, DEFECT_STREAM);
        Defect defect = fixedDefects.containsKey(index) ? fixedDefects.get(index) : rollDefect(defectRandom);
        if (defect == Defect.HOT_KEY) {
            key = hotKey;
        }
        SplittableRandom payloadRandom = randomFor(index, PAYLOAD_STREAM);
        byte[] data = payload.make(index, key, payloadRandom);
        if (maxSize > 0) {
            int target = minSize == maxSize ? minSize : payloadRandom.nextInt(minSize, maxSize + 1);
            data = Payloads.padTo(data, target, payloadRandom);
        }
        if (defect != null) {
            data = applyDefect(defect, data, key, defectRandom);
        }
        return new RecordSpec(key, data, null);
    }

    /** The first {@code n} records. */
    public List<RecordSpec> take(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return IntStream.range(0, n).mapToObj(this::record).toList();
    }

    /** The records in order, generated lazily (up to {@link Integer#MAX_VALUE} of them). */
    public Stream<RecordSpec> stream() {
        return IntStream.range(0, Integer.MAX_VALUE).mapToObj(this::record);
    }

    /** An iterator over the records in order, generated lazily (up to {@link Integer#MAX_VALUE} of them). */
    public Iterator<RecordSpec> iterator() {
        return stream().iterator();
    }

    /** The configuration, seed first, e.g. {@code KinesisRecords[seed=42, payload=json({"id":${index}}), ...]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("KinesisRecords[seed=").append(seed)
                .append(", payload=").append(payloadDescription)
                .append(", keys=").append(keys);
        if (maxSize > 0) {
            sb.append(", size=").append(minSize).append("..").append(maxSize).append(" bytes");
        }
        if (!shares.isEmpty()) {
            sb.append(", defects=").append(shares);
        }
        if (!fixedDefects.isEmpty()) {
            sb.append(", defectAt=").append(fixedDefects);
        }
        if (shares.containsKey(Defect.HOT_KEY) || fixedDefects.containsValue(Defect.HOT_KEY)) {
            sb.append(", hotKey=").append(hotKey);
        }
        return sb.append(']').toString();
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    static void checkShare(double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("a share must be between 0 and 1, got " + share);
        }
    }

    static void checkPartitionKey(String key) {
        Objects.requireNonNull(key, "partition key");
        int length = key.codePointCount(0, key.length());
        if (length < 1 || length > MAX_PARTITION_KEY_LENGTH) {
            throw new IllegalArgumentException("a partition key must have 1 to 256 characters, got " + length);
        }
    }

    private KinesisRecords payload(Payload newPayload, String description) {
        return new KinesisRecords(seed, newPayload, description, keys, minSize, maxSize, shares, fixedDefects, hotKey,
                oversizedBytes);
    }

    private KinesisRecords keys(PartitionKeys newKeys) {
        return new KinesisRecords(seed, payload, payloadDescription, newKeys, minSize, maxSize, shares, fixedDefects,
                hotKey, oversizedBytes);
    }

    private KinesisRecords share(Defect defect, double share) {
        checkShare(share);
        Map<Defect, Double> copy = new EnumMap<>(Defect.class);
        copy.putAll(shares);
        copy.put(defect, share);
        double total = copy.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("the defect shares add up to " + total + ", more than 1: " + copy);
        }
        return new KinesisRecords(seed, payload, payloadDescription, keys, minSize, maxSize, copy, fixedDefects,
                hotKey, oversizedBytes);
    }

    private static Payload templatePayload(PayloadTemplate template) {
        return (index, key, random) -> template.render(index, key, random).getBytes(StandardCharsets.UTF_8);
    }

    /** Picks at most one defect: the unit interval is cut into the shares in {@link Defect} order. */
    private Defect rollDefect(SplittableRandom random) {
        if (shares.isEmpty()) {
            return null;
        }
        double roll = random.nextDouble();
        double upTo = 0.0;
        for (Map.Entry<Defect, Double> entry : shares.entrySet()) {
            upTo += entry.getValue();
            if (roll < upTo) {
                return entry.getKey();
            }
        }
        return null;
    }

    private byte[] applyDefect(Defect defect, byte[] data, String key, SplittableRandom random) {
        switch (defect) {
            case MALFORMED_JSON:
                return Payloads.malformed(data, random);
            case EMPTY_DATA:
                return new byte[0];
            case OVERSIZED: {
                int target = oversizedBytes >= 0 ? oversizedBytes
                        : MAX_RECORD_BYTES - key.getBytes(StandardCharsets.UTF_8).length;
                return Payloads.padTo(data, target, random);
            }
            case INVALID_UTF8:
                return Payloads.invalidUtf8(data);
            case HOT_KEY:
                return data;
            default:
                throw new IllegalStateException("unknown defect " + defect);
        }
    }

    /** An independent seeded source for one concern ({@code stream}) of record {@code index}. */
    private SplittableRandom randomFor(int index, int stream) {
        long mixed = mix64(seed ^ mix64(index * 0x9E3779B97F4A7C15L + stream));
        return new SplittableRandom(mixed);
    }

    /** The SplitMix64 finalizer: spreads nearby inputs over the whole range. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
