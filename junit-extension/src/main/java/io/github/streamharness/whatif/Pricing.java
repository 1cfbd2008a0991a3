package io.github.streamharness.whatif;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Lambda's on-demand prices and the memory model of the cost estimate (rule 19.3): cost = invocations x price per
 * request + GB-seconds x price per GB-second. Lambda rounds the duration of every invocation up to the next whole
 * millisecond and bills the sum (https://aws.amazon.com/lambda/pricing/), so a what-if does the same: each invocation
 * that reached the function is billed {@link #billedMillis(Duration, int)} of its own time (with the Init phase when it
 * cold-started: Lambda bills on-demand Init, rule 16.2), the run's billed milliseconds are their sum, and GB-seconds
 * are that sum times the memory in GB (MB / 1024). A 0.2 ms invocation is billed 1 ms, as its REPORT line says; a
 * thousand of them 1,000 ms, not the 200 ms of rounding their total. Throttled attempts never ran and cost nothing.
 * Defaults: us-east-1, x86 ({@link #US_EAST_1_X86}).
 *
 * <p>The memory what-if (rule 15.1): Lambda gives a function CPU in proportion to its memory, a full vCPU at
 * {@value #FULL_VCPU_MB} MB. The harness does not run a handler slower at lower memory, so the estimate scales each
 * invocation's measured virtual duration (its Init included) by {@code 1769 / memory} below 1,769 MB (at and above
 * it, unchanged) before rounding it: the shape of AWS Lambda Power Tuning's curve for a CPU-bound handler. A handler
 * that waits on I/O scales less on Lambda; the model is an upper bound for it.
 *
 * <p>Not modelled: provisioned concurrency's own charges (a price per GB-second while it is configured, and a lower
 * duration price for the invocations it serves); every invocation is priced on demand.
 *
 * @param perRequest  USD per request
 * @param perGbSecond USD per GB-second
 */
public record Pricing(BigDecimal perRequest, BigDecimal perGbSecond) {
    /** The memory at which a function has one full vCPU (rule 15.1). */
    public static final int FULL_VCPU_MB = 1769;
    /** us-east-1, x86: USD 0.20 per million requests, USD 0.0000166667 per GB-second. */
    public static final Pricing US_EAST_1_X86 = new Pricing(new BigDecimal("0.0000002"),
            new BigDecimal("0.0000166667"));
    /** us-east-1, Arm (Graviton): USD 0.20 per million requests, USD 0.0000133334 per GB-second. */
    public static final Pricing US_EAST_1_ARM64 = new Pricing(new BigDecimal("0.0000002"),
            new BigDecimal("0.0000133334"));

    /** Checks the prices: present and not negative. */
    public Pricing {
        Objects.requireNonNull(perRequest, "perRequest");
        Objects.requireNonNull(perGbSecond, "perGbSecond");
        if (perRequest.signum() < 0 || perGbSecond.signum() < 0) {
            throw new IllegalArgumentException("prices cannot be negative, got " + perRequest + " per request and "
                    + perGbSecond + " per GB-second");
        }
    }

    /**
     * The billed milliseconds of one invocation that ran {@code measured} on the virtual clock (its Init included, on a
     * cold start) at {@code memoryMb}: the measured time scaled by the CPU share below {@value #FULL_VCPU_MB} MB, then
     * rounded up to a whole millisecond, exactly (1 ms bills 1, 1 ms and 1 ns bills 2, nothing bills 0).
     */
    public static long billedMillis(Duration measured, int memoryMb) {
        if (measured.isNegative() || memoryMb < 1) {
            throw new IllegalArgumentException("an invocation's billed time needs a duration of 0 or more and a memory "
                    + "of at least 1 MB, got " + measured + " at " + memoryMb + " MB");
        }
        boolean scaled = memoryMb < FULL_VCPU_MB;
        // exact in longs: the nanoseconds x 1769 / memory, in milliseconds, rounded up (one invocation runs at most
        // 900 s plus 10 s of Init; multiplyExact refuses what would not fit)
        long numerator = scaled ? Math.multiplyExact(measured.toNanos(), FULL_VCPU_MB) : measured.toNanos();
        long denominator = scaled ? 1_000_000L * memoryMb : 1_000_000L;
        return -Math.floorDiv(-numerator, denominator);
    }

    /** GB-seconds of {@code billedMillis} at {@code memoryMb}: ms / 1000 x MB / 1024, exact. */
    public static BigDecimal gbSeconds(long billedMillis, int memoryMb) {
        return BigDecimal.valueOf(billedMillis).multiply(BigDecimal.valueOf(memoryMb))
                .divide(BigDecimal.valueOf(1_024_000));
    }

    /** The estimated cost of {@code invocations} requests and {@code gbSeconds} of compute. */
    public Cost cost(long invocations, BigDecimal gbSeconds) {
        BigDecimal requests = perRequest.multiply(BigDecimal.valueOf(invocations));
        BigDecimal compute = perGbSecond.multiply(gbSeconds);
        return new Cost(requests, compute, requests.add(compute));
    }

    /**
     * An estimated cost in USD, exact (not rounded).
     *
     * @param requests the request charge
     * @param compute  the duration charge (GB-seconds)
     * @param total    their sum
     */
    public record Cost(BigDecimal requests, BigDecimal compute, BigDecimal total) {
    }
}
