package io.github.streamharness.internal.mapping;

import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.policy.FailurePolicy;
import io.github.streamharness.internal.policy.OnFailureSender;
import io.github.streamharness.internal.time.Scheduler;

/**
 * What every lane of one mapping shares: the pipeline stages (the assembler, the invoker, the failure policy's
 * settings, the on-failure sender), the clock, where results go, and the mapping's switches. Data flows one way:
 * a lane uses these, and none of them knows the lane or the engine.
 */
final class LaneContext {
    final Scheduler scheduler;
    final BatchAssembler assembler;
    final Invoker invoker;
    final FailurePolicy.Settings policy;
    final OnFailureSender sender;
    final BackoffSchedule backoff;
    final MappingEvents events;
    final long retentionMillis;
    final boolean reportBatchItemFailures;
    private final System.Logger logger;
    private boolean enabled;
    private int invocations;
    private boolean warnedIgnoredPartialResponse;

    LaneContext(Scheduler scheduler, BatchAssembler assembler, Invoker invoker, FailurePolicy.Settings policy,
                OnFailureSender sender, BackoffSchedule backoff, MappingEvents events, long retentionMillis,
                boolean reportBatchItemFailures, boolean enabled) {
        this.scheduler = scheduler;
        this.assembler = assembler;
        this.invoker = invoker;
        this.policy = policy;
        this.sender = sender;
        this.backoff = backoff;
        this.events = events;
        this.retentionMillis = retentionMillis;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.logger = System.getLogger("io.github.streamharness." + invoker.function().name());
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean value) {
        enabled = value;
    }

    int nextInvocationNumber() {
        return ++invocations;
    }

    void timeline(long now, String shardId, int lane, TimelineEntry.Kind kind, String text) {
        events.timeline(new TimelineEntry(Scheduler.toInstant(now), shardId, lane, kind, text));
    }

    /** Logs a warning once per mapping; every occurrence is in the timeline. */
    void warnOnce(String text) {
        logger.log(System.Logger.Level.WARNING, invoker.function().name() + ": " + text);
    }

    /** Spec 5.1, 13.6: failures reported without ReportBatchItemFailures are ignored, and the records lost. */
    void warnIgnoredPartialResponse(long now, String shardId, int lane, Invocation invocation,
                                    Outcome.Success success) {
        String text = "the function returned batchItemFailures " + success.ignoredBatchItemFailures()
                + " but the mapping does not enable FunctionResponseTypes ReportBatchItemFailures: AWS ignores "
                + "the response and treats the whole batch as successful, so those records are LOST "
                + "(spec 5.1, 13.6). Enable REPORT_BATCH_ITEM_FAILURES on the mapping.";
        timeline(now, shardId, lane, TimelineEntry.Kind.WARNING, "invocation #" + invocation.number() + ": " + text);
        if (!warnedIgnoredPartialResponse) {
            warnedIgnoredPartialResponse = true;
            warnOnce(text + " (further occurrences are in the invocation log's timeline)");
        }
    }
}
