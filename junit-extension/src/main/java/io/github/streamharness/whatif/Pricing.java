package io.github.streamharness.whatif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Lambda's on-demand prices and the memory model of the cost estimate (rule 19.3): cost = invocations x price per
 * request + GB-seconds x price per GB-second. GB-seconds are the billed duration (each invocation's modelled duration
 * rounded up to a whole millisecond) times the memory in GB (MB / 1024). Throttled attempts never ran and cost
 * nothing. Defaults: us-east-1, x86 ({@link #US_EAST_1_X86}); see https://aws.amazon.com/lambda/pricing/.
 *
 * <p>The memory what-if (rule 15.1): Lambda gives a function CPU in proportion to its memory, a full vCPU at
 * {@value #FULL_VCPU_MB} MB. The harness does not run a handler slower at lower memory, so the estimate scales each
 * invocation's measured virtual duration by {@code 1769 / memory} below 1,769 MB (at and above it, unchanged): the
 * shape of AWS Lambda Power Tuning's curve for a CPU-bound handler. A handler that waits on I/O scales less on
 * Lambda; the model is an upper bound for it.
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

    /** The billed milliseconds of one invocation that ran {@code measured} on the virtual clock at {@code memoryMb}. */
    public static long billedMillis(Duration measured, int memoryMb) {
        BigDecimal nanos = BigDecimal.valueOf(measured.toNanos());
        BigDecimal modelled = memoryMb >= FULL_VCPU_MB ? nanos
                : nanos.multiply(BigDecimal.valueOf(FULL_VCPU_MB)).divide(BigDecimal.valueOf(memoryMb),
                        MathContext.DECIMAL64);
        return modelled.divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.CEILING).longValueExact();
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
