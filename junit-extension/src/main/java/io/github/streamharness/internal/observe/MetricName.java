package io.github.streamharness.internal.observe;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The metrics the harness records (rule 17.1, 10.2): namespace AWS/Lambda with dimension FunctionName, and the Kinesis
 * shard-level IteratorAgeMilliseconds with dimension ShardId. The constants carry the AWS metric names.
 */
public enum MetricName {
    Invocations, Errors, Throttles, Duration, ConcurrentExecutions, IteratorAge, DestinationDeliveryFailures,
    PolledEventCount, FilteredOutEventCount, InvokedEventCount, FailedInvokeEventCount, DroppedEventCount,
    OnFailureDestinationDeliveredEventCount,
    /** Kinesis enhanced monitoring, per shard (rule 17.2). */
    IteratorAgeMilliseconds;

    /** Whether the metric has the ShardId dimension rather than FunctionName. */
    public boolean shardLevel() {
        return this == IteratorAgeMilliseconds;
    }

    /**
     * The metric of an AWS name.
     *
     * @throws IllegalArgumentException naming the known metrics when there is no such metric
     */
    public static MetricName of(String name) {
        for (MetricName m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        String known = Arrays.stream(values()).filter(m -> !m.shardLevel()).map(Enum::name)
                .collect(Collectors.joining(", "));
        String hint = "";
        for (MetricName m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                hint = " (metric names are case-sensitive: did you mean " + m.name() + "?)";
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'" + hint + ": the harness records the "
                + "AWS/Lambda metrics " + known + " (rule 17.1), and the shard-level IteratorAgeMilliseconds "
                + "through statistics(name, statistic, period, shardId)");
    }
}
