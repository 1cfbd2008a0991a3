package io.github.streamharness.internal.config;

import io.github.streamharness.internal.stream.StreamLog;

import java.time.Duration;
import java.util.Objects;

/** The checks of harness settings, each with the message a user sees (docs/bad-inputs.md lists them). */
public final class Checks {
    private Checks() {
    }

    /** {@code value} when it is in {@code min..max}. */
    public static int range(String name, int value, int min, int max) {
        return (int) range(name, (long) value, min, max);
    }

    /** {@code value} when it is in {@code min..max}. */
    public static long range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + (max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                    ? " must be at least " + min : " must be " + min + ".." + max) + ", got " + value);
        }
        return value;
    }

    /** {@code id} when it is an AWS account id (12 digits). */
    public static String accountId(String id) {
        if (id == null || !isTwelveDigits(id)) {
            throw new IllegalArgumentException("an AWS account id is 12 digits, got " + id);
        }
        return id;
    }

    private static boolean isTwelveDigits(String id) {
        if (id.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false; // ASCII digits only, as the pattern \d matched
            }
        }
        return true;
    }

    /** {@code retention} when Kinesis accepts it: 24 hours to 365 days. */
    public static Duration retention(Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(Duration.ofHours(24)) < 0 || retention.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("Kinesis retention is 24 hours to 365 days, got " + retention);
        }
        return retention;
    }

    /** {@code duration} when it is positive. */
    public static Duration positive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
        return duration;
    }

    /** {@code kib} when Kinesis accepts it as MaxRecordSizeInKiB: 1024 to 10240 (rule 19.1). */
    public static int maxRecordSizeInKiB(int kib) {
        if (kib < StreamLog.DEFAULT_MAX_RECORD_SIZE_KIB || kib > StreamLog.LARGEST_MAX_RECORD_SIZE_KIB) {
            boolean low = kib < StreamLog.DEFAULT_MAX_RECORD_SIZE_KIB;
            throw new IllegalArgumentException("1 validation error detected: Value '" + kib + "' at "
                    + "'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value "
                    + (low ? "greater than or equal to 1024" : "less than or equal to 10240")
                    + " (MaxRecordSizeInKiB accepts 1024..10240, 1 to 10 MiB, default 1024)");
        }
        return kib;
    }
}
