package io.github.streamharness.internal.config;

import io.github.streamharness.DestinationType;
import io.github.streamharness.InvalidEventSourceMappingException;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.internal.filter.FilterCriteria;

import java.time.Instant;
import java.util.List;

import static io.github.streamharness.EventSourceMappingConfig.MAX_FILTERS;
import static io.github.streamharness.EventSourceMappingConfig.MAX_PATTERN_LENGTH;

/**
 * Validates an event source mapping as CreateEventSourceMapping does, with AWS's texts (section 1, 1.15), for
 * {@code EventSourceMappingConfig.Builder.build()}: one place for every mapping check.
 */
public final class MappingValidation {
    private MappingValidation() {
    }

    /**
     * Checks every parameter and compiles the filter criteria.
     *
     * @throws InvalidEventSourceMappingException naming the parameter, the value and the valid range
     */
    public static FilterCriteria validate(StartingPosition startingPosition, Instant startingPositionTimestamp,
                                          int batchSize, int maximumBatchingWindowInSeconds,
                                          int parallelizationFactor, int maximumRetryAttempts,
                                          int maximumRecordAgeInSeconds, int tumblingWindowInSeconds,
                                          String onFailureDestination, List<String> filterPatterns) {
        if (startingPosition == null) {
            throw new InvalidEventSourceMappingException("StartingPosition",
                    "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: "
                            + "Member must not be null.");
        }
        range("BatchSize", "batchSize", batchSize, 1, 10000, "default 100");
        range("MaximumBatchingWindowInSeconds", "maximumBatchingWindowInSeconds",
                maximumBatchingWindowInSeconds, 0, 300, "whole seconds, default 0");
        range("ParallelizationFactor", "parallelizationFactor", parallelizationFactor, 1, 10, "default 1");
        range("MaximumRetryAttempts", "maximumRetryAttempts", maximumRetryAttempts, -1, 10000,
                "-1 retries until the record expires");
        range("MaximumRecordAgeInSeconds", "maximumRecordAgeInSeconds", maximumRecordAgeInSeconds, -1, 604800,
                "-1 means no limit");
        if (maximumRecordAgeInSeconds >= 0 && maximumRecordAgeInSeconds < 60) {
            throw new InvalidEventSourceMappingException("MaximumRecordAgeInSeconds",
                    "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)");
        }
        range("TumblingWindowInSeconds", "tumblingWindowInSeconds", tumblingWindowInSeconds, 0, 900,
                "0 turns tumbling windows off");
        if (startingPosition == StartingPosition.AT_TIMESTAMP && startingPositionTimestamp == null) {
            throw new InvalidEventSourceMappingException("StartingPositionTimestamp",
                    "Need to specify a timestamp");
        }
        if (startingPosition != StartingPosition.AT_TIMESTAMP && startingPositionTimestamp != null) {
            throw new InvalidEventSourceMappingException("StartingPositionTimestamp",
                    "StartingPositionTimestamp " + startingPositionTimestamp + " was given with StartingPosition "
                            + startingPosition + "; it is only valid with StartingPosition AT_TIMESTAMP "
                            + "(rule 1.5). Set startingPosition(AT_TIMESTAMP) or remove the timestamp.");
        }
        if (onFailureDestination != null) {
            DestinationType.ofArn(onFailureDestination);
        }
        if (filterPatterns.size() > MAX_FILTERS) {
            throw new InvalidEventSourceMappingException("FilterCriteria",
                    "FilterCriteria has " + filterPatterns.size() + " filters; a mapping accepts at most "
                            + MAX_FILTERS + " (rule 1.12; AWS raises the quota to 10 on request).");
        }
        for (String pattern : filterPatterns) {
            if (pattern == null || pattern.length() > MAX_PATTERN_LENGTH) {
                throw new InvalidEventSourceMappingException("FilterCriteria",
                        "Invalid filter pattern definition. (a pattern must be a JSON object of at most "
                                + MAX_PATTERN_LENGTH + " characters; got "
                                + (pattern == null ? "null" : pattern.length() + " characters") + ")");
            }
        }
        FilterCriteria criteria;
        try {
            criteria = FilterCriteria.compile(filterPatterns);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventSourceMappingException("FilterCriteria", e.getMessage());
        }
        return criteria;
    }

    private static void range(String awsName, String field, int value, int min, int max, String note) {
        if (value < min || value > max) {
            String bound = value < min
                    ? "Member must have value greater than or equal to " + min
                    : "Member must have value less than or equal to " + max;
            throw new InvalidEventSourceMappingException(awsName,
                    "1 validation error detected: Value '" + value + "' at '" + field
                            + "' failed to satisfy constraint: " + bound
                            + " (" + awsName + " accepts " + min + ".." + max + ", " + note + ")");
        }
    }
}
