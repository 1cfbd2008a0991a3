package io.github.streamharness.live;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and how a live harness runs. Every value can come from a system property (so a test moves to a real stream
 * by configuration, e.g. {@code mvn verify -Dstreamharness.kinesis.endpoint=http://127.0.0.1:4568}):
 *
 * <table>
 * <caption>system properties</caption>
 * <tr><td>{@code streamharness.kinesis.endpoint}</td><td>Kinesis endpoint URL; {@code aws} for the region's real
 * endpoint. Unset: live tests are skipped.</td></tr>
 * <tr><td>{@code streamharness.sqs.endpoint}</td><td>SQS endpoint URL ({@code aws} for the real one): on-failure
 * messages to an SQS ARN are sent there with SendMessage. Unset: they stay in-process.</td></tr>
 * <tr><td>{@code streamharness.aws.region}</td><td>region, default us-east-1</td></tr>
 * <tr><td>{@code streamharness.kinesis.stream}</td><td>an existing stream to use (read from LATEST, not deleted);
 * unset: each harness creates its own stream and deletes it on close</td></tr>
 * <tr><td>{@code streamharness.live.timeScale}</td><td>harness seconds per real second, default 1 (real AWS). 10
 * makes the 1 s retry back-off 100 ms of real time and a 60 s MaximumRecordAgeInSeconds 6 s.</td></tr>
 * <tr><td>{@code streamharness.live.timeoutSeconds}</td><td>how long {@code runUntilIdle()} waits in real time,
 * default 60</td></tr>
 * </table>
 *
 * <p>Credentials come from the AWS SDK's default chain (environment, system properties, profile, container or
 * instance role); they are never read, logged or printed by the harness.
 */
public final class LiveSettings {
    /** The system property naming the Kinesis endpoint. */
    public static final String KINESIS_ENDPOINT = "streamharness.kinesis.endpoint";
    /** The system property naming the SQS endpoint for on-failure destinations. */
    public static final String SQS_ENDPOINT = "streamharness.sqs.endpoint";

    private final String kinesisEndpoint;
    private final String sqsEndpoint;
    private final Region region;
    private final String existingStream;
    private final double timeScale;
    private final Duration timeout;

    private LiveSettings(String kinesisEndpoint, String sqsEndpoint, Region region, String existingStream,
                         double timeScale, Duration timeout) {
        if (!(timeScale >= 1 && timeScale <= 100)) {
            throw new IllegalArgumentException("streamharness.live.timeScale must be 1 to 100 harness seconds per "
                    + "real second, got " + timeScale);
        }
        this.kinesisEndpoint = Objects.requireNonNull(kinesisEndpoint, "kinesisEndpoint");
        this.sqsEndpoint = sqsEndpoint;
        this.region = region;
        this.existingStream = existingStream;
        this.timeScale = timeScale;
        this.timeout = timeout;
    }

    /** Settings from the system properties, or empty when {@code streamharness.kinesis.endpoint} is not set. */
    public static Optional<LiveSettings> fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    /** Settings from these properties (the names of {@link LiveSettings}), or empty without a Kinesis endpoint. */
    public static Optional<LiveSettings> fromProperties(Properties p) {
        String endpoint = blankToNull(p.getProperty(KINESIS_ENDPOINT));
        if (endpoint == null) {
            return Optional.empty();
        }
        String scale = p.getProperty("streamharness.live.timeScale", "1");
        String timeout = p.getProperty("streamharness.live.timeoutSeconds", "60");
        try {
            return Optional.of(new LiveSettings(endpoint, blankToNull(p.getProperty(SQS_ENDPOINT)),
                    Region.of(p.getProperty("streamharness.aws.region", "us-east-1")),
                    blankToNull(p.getProperty("streamharness.kinesis.stream")), Double.parseDouble(scale),
                    Duration.ofSeconds(Long.parseLong(timeout))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("streamharness.live.timeScale (" + scale + ") and "
                    + "streamharness.live.timeoutSeconds (" + timeout + ") must be numbers", e);
        }
    }

    /** Settings for a Kinesis endpoint ({@code aws} for the region's own), scale 1, 60 s timeout. */
    public static LiveSettings of(String kinesisEndpoint) {
        return new LiveSettings(kinesisEndpoint, null, Region.US_EAST_1, null, 1, Duration.ofSeconds(60));
    }

    /** These settings with an SQS endpoint for on-failure destinations. */
    public LiveSettings withSqsEndpoint(String endpoint) {
        return new LiveSettings(kinesisEndpoint, endpoint, region, existingStream, timeScale, timeout);
    }

    /** These settings with another time scale (harness seconds per real second, 1 to 100). */
    public LiveSettings withTimeScale(double scale) {
        return new LiveSettings(kinesisEndpoint, sqsEndpoint, region, existingStream, scale, timeout);
    }

    /** These settings with another real-time limit for {@code runUntilIdle()}. */
    public LiveSettings withTimeout(Duration limit) {
        return new LiveSettings(kinesisEndpoint, sqsEndpoint, region, existingStream, timeScale, limit);
    }

    /** The Kinesis endpoint as configured. */
    public String kinesisEndpoint() {
        return kinesisEndpoint;
    }

    /** The SQS endpoint, when on-failure messages go to a real queue. */
    public Optional<String> sqsEndpoint() {
        return Optional.ofNullable(sqsEndpoint);
    }

    /** Harness seconds per real second. */
    public double timeScale() {
        return timeScale;
    }

    /** How long {@code runUntilIdle()} waits in real time. */
    public Duration timeout() {
        return timeout;
    }

    /** An existing stream to use instead of creating one. */
    public Optional<String> existingStream() {
        return Optional.ofNullable(existingStream);
    }

    /**
     * How often a caught-up shard is read, in real time: one harness second (rule 2.2, 0.3), but never more often
     * than Kinesis's 5 GetRecords calls per second per shard.
     */
    public Duration pollPeriod() {
        return Duration.ofMillis(Math.max(200, Math.round(1000 / timeScale)));
    }

    KinesisClient kinesisClient() {
        var b = KinesisClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (!"aws".equals(kinesisEndpoint)) {
            b.endpointOverride(URI.create(kinesisEndpoint));
        }
        return b.build();
    }

    SqsClient sqsClient() {
        var b = SqsClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (!"aws".equals(sqsEndpoint)) {
            b.endpointOverride(URI.create(sqsEndpoint));
        }
        return b.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "LiveSettings[kinesis " + kinesisEndpoint + ", sqs " + sqsEndpoint + ", " + region + ", timeScale "
                + timeScale + ", timeout " + timeout + "]";
    }
}
