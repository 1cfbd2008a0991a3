package io.github.streamharness.internal.invoke;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TestLambdaContext;
import io.github.streamharness.internal.observe.LambdaLogLines;
import io.github.streamharness.internal.observe.ObservationSink;
import io.github.streamharness.internal.outcome.DirectResponse;
import io.github.streamharness.internal.outcome.OutcomeReader;
import io.github.streamharness.internal.time.InvocationTimer;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.internal.time.SeededUuids;
import io.github.streamharness.internal.time.VirtualTimeout;
import io.github.streamharness.internal.window.WindowCall;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Calls the function for one batch the way Lambda does (section 7, 0.4): builds the event, gives the handler a
 * {@link TestLambdaContext} on the virtual clock, applies injected faults, enforces the timeout, and reads the
 * response by the partial-batch rules. Never lets a handler's throwable escape.
 */
public final class Invoker implements AutoCloseable {
    /** Lambda's synchronous response payload limit, in bytes, as its error message states it. */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;

    private final FunctionSpec function;
    private final Scheduler scheduler;
    private final EventCodec codec;
    /** The harness's mapper, made when a response first needs it (issue 19: most tests never do). */
    private final Supplier<ObjectMapper> mapper;
    private final FaultSource faults;
    private final SplittableRandom random;
    private final RealTimeWatchdog watchdog;
    private final EnvironmentPool pool;
    private ObservationSink observations = ObservationSink.NONE;
    private boolean crashed;
    private String watchdogWarning;

    /** An invoker for {@code function}, with request ids drawn from {@code seed}. */
    public Invoker(FunctionSpec function, Scheduler scheduler, EventCodec codec, Supplier<ObjectMapper> mapper,
                   FaultSource faults, long seed, Duration watchdogLimit) {
        this.function = function;
        this.scheduler = scheduler;
        this.codec = codec;
        this.mapper = mapper;
        this.faults = faults;
        this.random = new SplittableRandom(seed);
        this.watchdog = watchdogLimit == null ? null : new RealTimeWatchdog(function.name(), watchdogLimit);
        this.pool = new EnvironmentPool(function.reserved(), function.provisioned(), function.keepWarm().toNanos(),
                scheduler::schedule);
    }

    /** Reports every invocation to {@code sink} (the function's logs and metrics, section 16, 17). */
    public void observeWith(ObservationSink sink) {
        this.observations = sink;
    }

    /** The function invoked. */
    public FunctionSpec function() {
        return function;
    }

    /** A new seeded UUID (request ids, on-failure message ids). */
    public String newUuid() {
        return SeededUuids.next(random);
    }

    /** The function's execution environments (rule 15.2 to 15.4, 0.14). */
    public EnvironmentPool pool() {
        return pool;
    }

    /**
     * Invokes the function with an environment from the pool (rule 0.14), or throttles the invocation when the
     * reserved concurrency is reached (rule 15.3). The scheduler's clock stands at the invocation's start (the start
     * of Init for a cold start, rule 0.15); the returned result says how much virtual time it spent.
     */
    public InvokeResult invoke(String shardId, List<StreamRecord> batch, int invocationNumber,
                               boolean reportBatchItemFailures) {
        return invoke(shardId, batch, invocationNumber, reportBatchItemFailures, null);
    }

    /**
     * Invokes the function; {@code window} (null without tumbling windows) adds the window fields to the event and
     * receives the state the function returned (rule 8.1, 8.2).
     */
    public InvokeResult invoke(String shardId, List<StreamRecord> batch, int invocationNumber,
                               boolean reportBatchItemFailures, WindowCall window) {
        String requestId = newUuid();
        crashed = false;
        watchdogWarning = null;
        long start = scheduler.eventTimeNanos();
        if (pool.wouldThrottle(start)) {
            observations.throttled(shardId, start); // rule 15.3: Throttles, no log line
            return new InvokeResult(new Outcome.Throttled("Rate Exceeded. (ReservedFunctionConcurrentInvocationLimit"
                    + "Exceeded: reserved concurrency " + function.reserved() + ", all " + function.reserved()
                    + " busy, rule 15.3)"), 0, requestId, null, false, List.of(), null);
        }
        long timeoutNanos = function.timeout().toNanos();
        InjectedFaults injected;
        try {
            injected = faults.faultsFor(shardId, batch, invocationNumber);
        } catch (Throwable t) { // user code (fault predicates) runs in there: a failed attempt, not a stalled lane
            injected = new InjectedFaults(InjectedFaults.UNSET, 0, false, false, new IllegalStateException("the "
                    + "fault plan threw " + Throwables.describe(t) + " while it chose the faults of invocation #"
                    + invocationNumber, t));
        }
        if (injected.throttle()) {
            observations.throttled(shardId, start);
            return new InvokeResult(new Outcome.Throttled("Rate Exceeded. (injected throttle)"), 0, requestId, null,
                    false, List.of(), null);
        }
        ExecutionEnvironment env;
        try {
            env = pool.acquire(start, id -> new ExecutionEnvironment(id, function.handlers().get(),
                    LambdaLogLines.logStreamName(Scheduler.toInstant(start), newUuid().replace("-", ""))));
        } catch (Throwable t) {
            Outcome failed = error(Outcome.ErrorKind.EXCEPTION, t, "Unhandled");
            Runnable ended = report(shardId, batch, requestId, null, start, 0, -1, failed, List.of());
            return new InvokeResult(failed, 0, requestId, null, true, List.of(), null, ended);
        }
        InvocationTimer timer = scheduler.beginInvocation(start + timeoutNanos);
        TestLambdaContext context = null;
        boolean coldStart;
        long initNanos = -1;
        Outcome outcome;
        try {
            coldStart = env.serve();
            if (coldStart) { // rule 0.15: Init counts against the timeout; the plan's cold start replaces initDuration
                initNanos = injected.coldStartNanos() == InjectedFaults.UNSET ? function.initDuration().toNanos()
                        : injected.coldStartNanos();
                timer.spend(initNanos);
            }
            timer.spend(injected.latencyNanos());
            if (injected.timeout()) {
                timer.timeOut();
            }
            long deadlineMillis = Math.floorDiv(timer.deadlineNanos(), 1_000_000L);
            context = new TestLambdaContext(requestId, function.name(), "$LATEST", function.arn(),
                    function.memoryMb(), env.logStreamName(),
                    () -> Math.floorDiv(scheduler.nowNanos(), 1_000_000L), scheduler::nowNanos, deadlineMillis);
            if (timer.timedOut()) {
                outcome = timeout();
            } else if (injected.exception() != null) {
                outcome = error(Outcome.ErrorKind.EXCEPTION, injected.exception(), "Unhandled");
            } else {
                outcome = call(env, batch, context, timer, reportBatchItemFailures, window);
            }
        } finally {
            scheduler.endInvocation();
        }
        // a timed-out or crashed runtime is replaced (rule 0.4): its environment never serves again
        boolean discard = crashed || outcome instanceof Outcome.FunctionError fe
                && fe.kind() == Outcome.ErrorKind.TIMEOUT;
        pool.busyUntil(env, start, start + timer.spentNanos(), discard);
        List<TestLambdaContext.LoggedLine> logged = context == null ? List.of() : context.loggedLines();
        Runnable ended = report(shardId, batch, requestId, env.logStreamName(), start, timer.spentNanos(),
                initNanos < 0 ? -1 : Math.min(initNanos, timer.spentNanos()), outcome, logged);
        return new InvokeResult(outcome, timer.spentNanos(), requestId, env.id(), coldStart, messages(logged),
                watchdogWarning, ended);
    }

    private Outcome call(ExecutionEnvironment env, List<StreamRecord> batch, TestLambdaContext context,
                         InvocationTimer timer, boolean rbif, WindowCall window) {
        Object handler = env.handler();
        HandlerCall call;
        if (handler instanceof RequestStreamHandler streamHandler) {
            byte[] json = window == null ? codec.toJson(batch) : window.json(codec.toJson(batch));
            call = () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(json), out, context);
                return out.toByteArray();
            };
        } else {
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
            Object event = window == null ? codec.toKinesisEvent(batch) : window.event(codec.toKinesisEvent(batch));
            call = () -> typed.handleRequest(event, context);
        }
        Completion completion;
        if (watchdog == null) {
            completion = Completion.of(call);
            if (Thread.currentThread().isInterrupted()) {
                completion = completion.interrupted();
            }
        } else {
            try {
                completion = watchdog.run(call, timer);
            } catch (RealTimeWatchdog.Fired fired) {
                watchdogWarning = fired.getMessage();
                return timeout();
            } catch (InterruptedException e) {
                return interrupted("the thread driving the harness was interrupted while it waited for the handler "
                        + "on the watchdog's worker");
            }
            if (completion.wasInterrupted()) {
                Thread.currentThread().interrupt(); // the handler interrupted its thread: the run stops after it
            }
        }
        Throwable t = completion.failure();
        if (t != null) {
            if (timer.timedOut() || t instanceof VirtualTimeout) {
                timer.timeOut();
                return timeout();
            }
            if (completion.wasInterrupted() || Throwables.isInterruption(t)) {
                return interrupted(Throwables.describe(t));
            }
            crashed = t instanceof Error;
            return error(Outcome.ErrorKind.EXCEPTION, t, "Unhandled");
        }
        if (timer.timedOut()) {
            return timeout(); // the handler swallowed the timeout signal: Lambda had already stopped it
        }
        return readResponse(completion.response(), batch, rbif, window);
    }

    /**
     * An interrupt is the test's request to stop, not the function's failure: the attempt does not count (as a
     * service error, rule 4.2), the interrupt flag is set again and the scheduler stops the run after this event.
     */
    private static Outcome interrupted(String cause) {
        Thread.currentThread().interrupt();
        return new Outcome.Throttled("interrupted: the thread running the handler was interrupted (" + cause
                + "); not a function error and not a retry attempt");
    }

    private Outcome readResponse(Object response, List<StreamRecord> batch, boolean rbif, WindowCall window) {
        if (response == null) {
            return read(null, null, batch, rbif, window);
        }
        DirectResponse.Json direct = DirectResponse.of(response); // the common StreamsEventResponse: no round trip
        if (direct != null) {
            return direct.text().length() > MAX_RESPONSE_BYTES ? tooLarge(direct.text().length())
                    : read(direct.tree(), direct.text(), batch, rbif, window);
        }
        byte[] bytes;
        try {
            bytes = response instanceof byte[] raw ? raw : mapper.get().writeValueAsBytes(response);
        } catch (Throwable t) {
            return new Outcome.FunctionError(Outcome.ErrorKind.RUNTIME_ERROR, t.getClass().getName(),
                    "the runtime could not serialize the handler's response (" + response.getClass().getName()
                            + ") to JSON: " + Throwables.message(t), "Unhandled", null);
        }
        if (bytes.length > MAX_RESPONSE_BYTES) {
            return tooLarge(bytes.length);
        }
        if (bytes.length == 0) {
            return read(null, null, batch, rbif, window);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = mapper.get().readTree(bytes);
        } catch (Exception e) {
            if (window != null) {
                return read(null, text, batch, rbif, window); // rule 8.1: no state object, a failed invocation
            }
            if (!rbif) {
                return new Outcome.Success(text, List.of()); // rule 13.16: a non-JSON body is a success
            }
            return new Outcome.FunctionError(Outcome.ErrorKind.BATCH_FAILURE_RESPONSE, null,
                    "invalid partial batch response, the whole batch failed (rule 0.6): the response is not JSON",
                    null, text);
        }
        return read(json, text, batch, rbif, window);
    }

    private static Outcome tooLarge(int bytes) {
        return new Outcome.FunctionError(Outcome.ErrorKind.RUNTIME_ERROR, "Function.ResponseSizeTooLarge",
                "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                        + " bytes); the response had " + bytes + " bytes", "Unhandled", null);
    }

    private static Outcome read(JsonNode json, String text, List<StreamRecord> batch, boolean rbif,
                                WindowCall window) {
        if (window == null) {
            return OutcomeReader.read(json, text, batch, rbif);
        }
        OutcomeReader.WindowReading reading = OutcomeReader.readWindow(json, text, batch, rbif);
        window.returned(reading.state());
        return reading.outcome();
    }

    private Outcome timeout() {
        double seconds = function.timeout().toMillis() / 1000.0;
        return new Outcome.FunctionError(Outcome.ErrorKind.TIMEOUT, "Sandbox.Timedout",
                String.format(Locale.ROOT, "Task timed out after %.2f seconds", seconds), "Unhandled", null);
    }

    private static Outcome error(Outcome.ErrorKind kind, Throwable t, String functionError) {
        return new Outcome.FunctionError(kind, t.getClass().getName(), Throwables.message(t), functionError, null);
    }

    /** The messages of the lines the handler logged, in order. */
    private static List<String> messages(List<TestLambdaContext.LoggedLine> logged) {
        if (logged.isEmpty()) {
            return List.of();
        }
        String[] messages = new String[logged.size()];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = logged.get(i).message();
        }
        return List.of(messages);
    }

    /**
     * Reports the invocation's start to the function's logs and metrics now, and returns what reports its end: the
     * caller runs it at the end, first thing in the event that completes the invocation (rule 17.2).
     */
    private Runnable report(String shardId, List<StreamRecord> batch, String requestId, String logStream,
                            long startNanos, long spentNanos, long initNanos, Outcome outcome,
                            List<TestLambdaContext.LoggedLine> lines) {
        List<ObservationSink.HandlerLine> handlerLines = lines.isEmpty() ? List.of()
                : new java.util.ArrayList<>(lines.size());
        for (TestLambdaContext.LoggedLine line : lines) {
            handlerLines.add(new ObservationSink.HandlerLine(line.epochNanos(), line.message()));
        }
        var report = new ObservationSink.InvocationReport(shardId, requestId, logStream, startNanos,
                startNanos + spentNanos, initNanos, function.timeout().toMillis(), outcome,
                batch.size(), batch.isEmpty() ? Math.floorDiv(startNanos, 1_000_000L) // a window's final, rule 0.11b
                        : batch.get(batch.size() - 1).approximateArrivalEpochMillis(), handlerLines);
        ObservationSink sink = observations;
        sink.invocationStarted(report);
        return () -> sink.invocationEnded(report);
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
    }

    /** One call of the handler, returning its response object (or response bytes for a stream handler). */
    @FunctionalInterface
    interface HandlerCall {
        Object call() throws Throwable;
    }

    /**
     * How a handler call ended: its response, or what it threw (any Throwable: the boundary where user code is
     * called catches everything), and whether its thread was interrupted.
     */
    record Completion(Object response, Throwable failure, boolean wasInterrupted) {
        /** Calls the handler; never throws. */
        static Completion of(HandlerCall call) {
            try {
                return new Completion(call.call(), null, false);
            } catch (Throwable t) {
                return new Completion(null, t, false);
            }
        }

        /** The same completion, marked as interrupted. */
        Completion interrupted() {
            return new Completion(response, failure, true);
        }
    }
}
