package io.github.streamharness;

import io.github.streamharness.internal.invoke.FaultSource;
import io.github.streamharness.internal.invoke.InjectedFaults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Faults to inject into invocations: timeouts, exceptions, latency and throttles aimed at a record, a batch, the nth
 * invocation, a shard or every invocation, and cold starts for new execution environments. Injected time counts
 * against the function timeout exactly like time the handler spends (rule 0.4).
 *
 * <pre>{@code
 * h.faults().onRecord(poison).timeout();                  // any batch holding the record times out
 * h.faults().onInvocation(1).latency(Duration.ofSeconds(25));
 * h.faults().always().times(3).throttle();                // the first three invocations are throttled
 * h.faults().coldStarts(Duration.ofSeconds(8));           // every new execution environment initialises 8 s
 * }</pre>
 *
 * <p>Rules may be added at any time, also from a predicate or a handler while the plan is being evaluated: a rule
 * added then applies from the next invocation. A predicate (or an exception supplier) that throws makes that
 * invocation an ordinary failed attempt whose message names the rule.
 */
public final class FaultPlan {
    /** Copy on write: evaluation iterates a snapshot, so a rule added meanwhile cannot break it. */
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile Duration coldStart; // null: the function's initDuration applies (rule 0.15)

    FaultPlan() {
    }

    /** Targets invocations whose batch holds a record matching {@code predicate}. */
    public Target onRecord(Predicate<StreamRecord> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new Target("a batch holding a matching record", (shard, batch, n) -> batch.stream().anyMatch(predicate));
    }

    /** Targets invocations whose batch holds {@code record} (by shard and sequence number). */
    public Target onRecord(StreamRecord record) {
        Objects.requireNonNull(record, "record");
        return new Target("a batch holding " + record, (shard, batch, n) -> batch.contains(record));
    }

    /** Targets invocations whose whole batch matches {@code predicate}. */
    public Target onBatch(Predicate<List<StreamRecord>> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new Target("a matching batch", (shard, batch, n) -> predicate.test(batch));
    }

    /** Targets the {@code n}th invocation of each mapping (1-based, counting throttled attempts). */
    public Target onInvocation(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("invocations are numbered from 1, got " + n);
        }
        return new Target("invocation #" + n, (shard, batch, number) -> number == n);
    }

    /** Targets every invocation of batches from {@code shardId}. */
    public Target onShard(String shardId) {
        Objects.requireNonNull(shardId, "shardId");
        return new Target("shard " + shardId, (shard, batch, n) -> shard.equals(shardId));
    }

    /** Targets every invocation. */
    public Target always() {
        return new Target("every invocation", (shard, batch, n) -> true);
    }

    /**
     * Every new on-demand execution environment spends {@code duration} in its Init phase before its first invocation
     * (provisioned ones never do, rule 15.4). The same setting as the function's {@code initDuration}: while set, it
     * replaces it (rule 0.15); {@link #clear()} gives the function's back.
     *
     * @throws IllegalArgumentException when negative or over Lambda's 10 s Init limit (rule 15.2)
     */
    public FaultPlan coldStarts(Duration duration) {
        if (duration.isNegative() || duration.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("a cold start (the Init phase) must be 0 to 10 seconds (Lambda limits "
                    + "the Init phase to 10 s, rule 15.2), got " + duration + "; to make an invocation time out, use "
                    + "faults().onInvocation(n).timeout() or a latency");
        }
        this.coldStart = duration;
        return this;
    }

    /** Removes every fault. */
    public FaultPlan clear() {
        rules.clear();
        coldStart = null;
        return this;
    }

    /** Whether no fault is planned. */
    public boolean isEmpty() {
        return rules.isEmpty() && coldStart == null;
    }

    /** The faults planned, one line each. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        Duration cold = coldStart;
        if (cold != null) {
            lines.add("cold start " + cold + " per new execution environment");
        }
        for (Rule r : rules) {
            lines.add(r.effect + " on " + r.description + (r.remaining < Integer.MAX_VALUE ? " (" + r.remaining
                    + " more time(s))" : ""));
        }
        return lines.isEmpty() ? "FaultPlan[none]" : "FaultPlan" + lines;
    }

    FaultSource source() {
        return (shardId, batch, invocationNumber) -> {
            if (isEmpty()) {
                return InjectedFaults.NONE;
            }
            Duration cold = coldStart; // rule 0.15: applies only when the invocation is cold (the Invoker decides)
            long coldNanos = cold == null ? InjectedFaults.UNSET : cold.toNanos();
            long latency = 0;
            boolean throttle = false;
            boolean timeout = false;
            Throwable exception = null;
            for (Rule rule : rules) {
                try {
                    if (rule.remaining > 0 && rule.selector.matches(shardId, batch, invocationNumber)) {
                        rule.remaining--;
                        switch (rule.effect) {
                            case LATENCY -> latency = saturatedAdd(latency, nanos(rule.latency));
                            case THROTTLE -> throttle = true;
                            case TIMEOUT -> timeout = true;
                            case EXCEPTION -> exception = exception != null ? exception : rule.exception.get();
                            default -> throw new IllegalStateException(rule.effect.toString());
                        }
                    }
                } catch (Throwable t) { // user code: the invocation fails, the lane goes on (docs/bad-inputs.md)
                    return new InjectedFaults(coldNanos, 0, false, false, ruleFailed(rule, t, invocationNumber));
                }
            }
            return new InjectedFaults(coldNanos, latency, throttle, timeout, exception);
        };
    }

    /** Nanoseconds of a duration, capped at Long.MAX_VALUE: longer than any function timeout, so a timeout. */
    private static long nanos(Duration d) {
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum; // both are non-negative
    }

    private static IllegalStateException ruleFailed(Rule rule, Throwable t, int invocationNumber) {
        String thrown;
        String name = t.getClass().getName();
        try {
            String message = t.getMessage();
            thrown = message == null ? name : name + ": " + message;
        } catch (Throwable broken) {
            thrown = name + " (its getMessage() threw " + broken.getClass().getName() + ")";
        }
        return new IllegalStateException("the fault rule '" + rule.effect.verb + " on " + rule.description + "' threw "
                + thrown + " while the fault plan chose the faults of invocation #" + invocationNumber + "; the "
                + "invocation fails as if the handler had thrown (fix the rule, or remove it with faults().clear())",
                t);
    }

    /** Chooses which invocations a fault applies to; finish with an effect. */
    public final class Target {
        private final String description;
        private final Selector selector;
        private int times = Integer.MAX_VALUE;

        private Target(String description, Selector selector) {
            this.description = description;
            this.selector = selector;
        }

        /** Applies the fault to at most {@code n} invocations. */
        public Target times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be at least 1, got " + n);
            }
            this.times = n;
            return this;
        }

        /** The invocation runs until the function timeout and times out; the handler is not called. */
        public FaultPlan timeout() {
            return add(new Rule(description, selector, times, Effect.TIMEOUT, null, null));
        }

        /** The invocation fails with the throwable {@code failure} supplies; the handler is not called. */
        public FaultPlan fail(Supplier<? extends Throwable> failure) {
            Objects.requireNonNull(failure, "failure");
            return add(new Rule(description, selector, times, Effect.EXCEPTION, null, failure::get));
        }

        /** The invocation fails with a RuntimeException carrying {@code message}; the handler is not called. */
        public FaultPlan fail(String message) {
            return fail(() -> new RuntimeException(message));
        }

        /** The invocation spends {@code latency} before the handler runs (a slow network, a slow dependency). */
        public FaultPlan latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency cannot be negative: " + latency);
            }
            return add(new Rule(description, selector, times, Effect.LATENCY, latency, null));
        }

        /** The invocation is throttled and never reaches the function (rule 4.2). */
        public FaultPlan throttle() {
            return add(new Rule(description, selector, times, Effect.THROTTLE, null, null));
        }

        private FaultPlan add(Rule rule) {
            rules.add(rule);
            return FaultPlan.this;
        }
    }

    private enum Effect {
        TIMEOUT("timeout"), EXCEPTION("fail"), LATENCY("latency"), THROTTLE("throttle");

        final String verb;

        Effect(String verb) {
            this.verb = verb;
        }
    }

    @FunctionalInterface
    private interface Selector {
        boolean matches(String shardId, List<StreamRecord> batch, int invocationNumber);
    }

    private static final class Rule {
        final String description;
        final Selector selector;
        int remaining;
        final Effect effect;
        final Duration latency;
        final Supplier<Throwable> exception;

        Rule(String description, Selector selector, int remaining, Effect effect, Duration latency,
             Supplier<Throwable> exception) {
            this.description = description;
            this.selector = selector;
            this.remaining = remaining;
            this.effect = effect;
            this.latency = latency;
            this.exception = exception;
        }
    }
}
