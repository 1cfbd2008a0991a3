package io.github.streamharness.internal.mapping;

import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.policy.FailurePolicy;
import io.github.streamharness.internal.policy.OnFailureSender;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.internal.window.WindowTracker;

/**
 * What every lane of one mapping shares: the pipeline stages (the assembler, the invoker, the failure policy's
 * settings, the on-failure sender), the clock, where results go, and the mapping's switches. Data flows one way:
 * a lane uses these, and none of them knows the lane or the engine.
 */
final class LaneContext {
    final Scheduler scheduler;
    final Invoker invoker;
    final OnFailureSender sender;
    final BackoffSchedule backoff;
    final MappingEvents events;
    final long retentionMillis;
    /** What the lanes tell the mapping about its shards (lineage, repartitioning); set once by the engine. */
    Hooks hooks;
    private Settings settings;
    /** Looked up at the first warning: most mappings never warn (issue 19: the lookup cost every test). */
    private System.Logger logger;
    private final WindowFactory windows;
    private boolean enabled;
    private int invocations;
    private boolean warnedIgnoredPartialResponse;

    LaneContext(Scheduler scheduler, Settings settings, Invoker invoker, OnFailureSender sender,
                BackoffSchedule backoff, MappingEvents events, long retentionMillis, boolean enabled,
                WindowFactory windows) {
        this.windows = windows;
        this.scheduler = scheduler;
        this.settings = settings;
        this.invoker = invoker;
        this.sender = sender;
        this.backoff = backoff;
        this.events = events;
        this.retentionMillis = retentionMillis;
        this.enabled = enabled;
    }

    /** The tumbling-window tracker of a new lane of {@code shardId} (section 8), under the settings in force. */
    WindowTracker windows(String shardId, WindowTracker.Notes notes) {
        BatchAssembler assembler = settings.assembler();
        return assembler.tumbling() ? windows.create(assembler, shardId, notes) : WindowTracker.none();
    }

    /** Makes the window tracker of a lane when the mapping has tumbling windows (section 8). */
    @FunctionalInterface
    interface WindowFactory {
        WindowTracker create(BatchAssembler assembler, String shardId, WindowTracker.Notes notes);
    }

    /**
     * The mapping's configuration as the stages use it: how batches are cut, how failures are decided, whether
     * partial responses are read. Replaced whole by an update (rule 18.1); a lane reads it at each step.
     */
    record Settings(BatchAssembler assembler, FailurePolicy.Settings policy, boolean reportBatchItemFailures) {
    }

    /** What the lanes report to the mapping about shards: progress (rule 0.10) and free lanes (rule 18.1). */
    interface Hooks {
        void progressed(ShardReader reader, long now);

        void laneFree(ShardReader reader, Lane lane, long now);
    }

    Settings settings() {
        return settings;
    }

    void settings(Settings value) {
        settings = value;
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
        timeline(now, shardId, lane, kind, text, null);
    }

    /** A timeline entry that is also a warning of {@code warning} (null: none, or OTHER for a WARNING entry). */
    void timeline(long now, String shardId, int lane, TimelineEntry.Kind kind, String text,
                  io.github.streamharness.WarningKind warning) {
        events.line(now, shardId, lane, kind, text, warning);
    }

    /** Logs a warning once per mapping; every occurrence is in the timeline. */
    void warnOnce(String text) {
        if (logger == null) {
            logger = System.getLogger("io.github.streamharness." + invoker.function().name());
        }
        logger.log(System.Logger.Level.WARNING, invoker.function().name() + ": " + text);
    }

    /** Rule 5.1, 13.6: failures reported without ReportBatchItemFailures are ignored, and the records lost. */
    void warnIgnoredPartialResponse(long now, String shardId, int lane, Invocation invocation,
                                    Outcome.Success success) {
        String text = "the function returned batchItemFailures " + success.ignoredBatchItemFailures()
                + " but the mapping does not enable FunctionResponseTypes ReportBatchItemFailures: AWS ignores "
                + "the response and treats the whole batch as successful, so those records are LOST "
                + "(rule 5.1, 13.6). Enable REPORT_BATCH_ITEM_FAILURES on the mapping.";
        timeline(now, shardId, lane, TimelineEntry.Kind.WARNING, "invocation #" + invocation.number() + ": " + text,
                io.github.streamharness.WarningKind.IGNORED_BATCH_ITEM_FAILURES);
        if (!warnedIgnoredPartialResponse) {
            warnedIgnoredPartialResponse = true;
            warnOnce(text + " (further occurrences are in the invocation log's timeline)");
        }
    }
}
