package io.github.streamharness.junit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FaultPlan;
import io.github.streamharness.FunctionLogs;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.Ledger;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.Metrics;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.VirtualClock;
import io.github.streamharness.WarningKind;
import io.github.streamharness.traffic.KinesisRecords;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The JUnit 5 extension behind {@link KinesisStreamTest}: a fresh {@link StreamHarness} per test method, kept in the
 * method's {@link ExtensionContext.Store} and closed after it, resolved as a parameter with its parts.
 *
 * <p>Two ways in: the annotations, or {@code @RegisterExtension static KinesisStreamExtension stream =
 * KinesisStreamExtension.builder()...build();}. When both configure the same thing, the most specific source that
 * sets it wins (docs/guide.md, "Which wins"):
 * <ol>
 *   <li>the method: its {@code @EventSourceMapping} over the class's (and enclosing classes'), over the builder's
 *       mapping; an annotation is a whole mapping, its attribute defaults (AWS's) included;</li>
 *   <li>{@code @KinesisStreamTest} of the class over that of its enclosing classes, over the builder's value; an
 *       attribute left at its UNSET sentinel sets nothing, one set to any value (the default included) wins;</li>
 *   <li>the extension's builder, over a template (when templates are read), over the defaults;</li>
 *   <li>the handler from a {@link HandlerUnderTest} field, else {@code @KinesisStreamTest(handler = ...)}, else the
 *       builder's; two of the first two at once is a configuration error;</li>
 *   <li>faults: the builder's, then every {@link InjectFault} of the class and the method.</li>
 * </ol>
 * When a class registers the extension programmatically and also carries {@code @KinesisStreamTest}, the
 * programmatic instance does the work and the declarative one stands aside.
 */
public class KinesisStreamExtension implements BeforeEachCallback, ParameterResolver, AfterTestExecutionCallback {
    static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KinesisStreamExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(StreamHarness.class, DeadLetterQueue.class,
            InvocationLog.class, VirtualClock.class, FaultPlan.class, MappedFunction.class, Ledger.class,
            FunctionLogs.class, Metrics.class);

    private final boolean programmatic;
    private final Builder settings;

    /** The declarative form, used by {@link KinesisStreamTest}. */
    public KinesisStreamExtension() {
        this.programmatic = false;
        this.settings = new Builder();
    }

    private KinesisStreamExtension(Builder settings) {
        this.programmatic = true;
        this.settings = settings.copy();
    }

    /** A builder for the programmatic form. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the configuration before the test runs, so a misconfiguration fails as an
     * {@link ExtensionConfigurationException}; the harness itself is created when first needed, after
     * {@code @BeforeEach} methods have filled any {@link HandlerUnderTest} field.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (active(context)) {
            HarnessFactory.validate(settings, context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (!active(extensionContext)) {
            return false;
        }
        if (parameterContext.isAnnotated(RecordedEventsSource.class)) {
            return RecordedParameters.supports(parameterContext.getParameter());
        }
        Class<?> type = parameterContext.getParameter().getType();
        return RESOLVED.contains(type) || type == KinesisRecords.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.isAnnotated(RecordedEventsSource.class)) {
            return RecordedParameters.resolve(parameterContext, extensionContext);
        }
        Class<?> type = parameterContext.getParameter().getType();
        StreamHarness harness = harness(extensionContext);
        if (type == KinesisRecords.class) {
            // seeded from the harness seed, which a failing test reports, so the run can be replayed
            return KinesisRecords.withSeed(harness.seed());
        }
        if (type == StreamHarness.class) {
            return harness;
        }
        if (type == VirtualClock.class) {
            return harness.clock();
        }
        if (type == FaultPlan.class) {
            return harness.faults();
        }
        MappedFunction mapping = onlyMapping(harness, type);
        if (type == MappedFunction.class) {
            return mapping;
        }
        if (type == InvocationLog.class) {
            return mapping.invocations();
        }
        if (type == Ledger.class) {
            return mapping.ledger();
        }
        if (type == FunctionLogs.class) {
            return mapping.logs();
        }
        if (type == Metrics.class) {
            return mapping.metrics();
        }
        if (!mapping.hasDestination()) {
            throw new ParameterResolutionException("Cannot resolve DeadLetterQueue: the mapping of "
                    + mapping.functionName() + " has no on-failure destination, so AWS discards failed records "
                    + "instead of sending them anywhere (rule 4.4). Add onFailureDestination = "
                    + "\"arn:aws:sqs:us-east-1:123456789012:my-dlq\" to @EventSourceMapping, or assert on "
                    + "StreamHarness.discarded() instead.");
        }
        return mapping.deadLetterQueue();
    }

    private static MappedFunction onlyMapping(StreamHarness harness, Class<?> type) {
        List<MappedFunction> mappings = harness.mappings();
        if (mappings.size() != 1) {
            throw new ParameterResolutionException("Cannot resolve " + type.getSimpleName() + ": the stream has "
                    + mappings.size() + " mappings. It is resolved for a test with exactly one mapping (a handler "
                    + "given by @KinesisStreamTest(handler = ...), a @HandlerUnderTest field or the builder); with a "
                    + "bare stream or several mappings, take StreamHarness and use the MappedFunction that "
                    + "addMapping returns.");
        }
        return mappings.get(0);
    }

    /**
     * After a passing test, checks every mapping's ledger (nothing lost, nothing counted twice) and fails the test for
     * warnings of a kind that means lost records ({@link io.github.streamharness.WarningKind#failsTests()}) it does
     * not allow; prints every warning; after a failing test, publishes the seed and the timeline of every mapping as
     * report entries and a file.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (!active(context)) {
            return;
        }
        HarnessResource resource = context.getStore(NAMESPACE).get(HarnessResource.class, HarnessResource.class);
        if (resource == null) {
            return;
        }
        StreamHarness harness = resource.harness;
        boolean passed = context.getExecutionException().isEmpty();
        if (passed) {
            for (MappedFunction mapping : harness.mappings()) {
                mapping.ledger().verify();
            }
        }
        AssertionError warnings = WarningPolicy.check(settings, context, harness, passed);
        if (passed && warnings == null) {
            return;
        }
        publishTimeline(context, harness);
        if (warnings != null) {
            throw warnings;
        }
    }

    private static void publishTimeline(ExtensionContext context, StreamHarness harness) {
        String timeline = harness.describe(60);
        context.publishReportEntry("streamharness.seed", harness.seed() + " (replay with @KinesisStreamTest(seed = "
                + harness.seed() + "); KinesisRecords parameters use the same seed)");
        context.publishReportEntry("streamharness.timeline", timeline);
        TimelineFile.attach(context, NAMESPACE, harness.describe(Integer.MAX_VALUE) + "\n");
    }

    private boolean active(ExtensionContext context) {
        // the declarative instance stands aside when the class registers a programmatic one
        return programmatic || !ClassPlan.of(context).registersProgrammatic;
    }

    private StreamHarness harness(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        HarnessResource made = store.get(HarnessResource.class, HarnessResource.class);
        if (made != null) {
            return made.harness; // the test's second parameter, and after: no lambda, no compute
        }
        return store.getOrComputeIfAbsent(HarnessResource.class,
                k -> new HarnessResource(HarnessFactory.create(settings, context)), HarnessResource.class).harness;
    }

    /**
     * Closes the harness when JUnit closes the test's store. JUnit 5.13 and later close {@link AutoCloseable} values;
     * 5.10 to 5.12 close only {@link ExtensionContext.Store.CloseableResource} ones, so it is both (closed once).
     */
    @SuppressWarnings("deprecation") // CloseableResource: deprecated since JUnit 5.13, the only way before it
    static final class HarnessResource implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        final StreamHarness harness;
        private boolean closed;

        HarnessResource(StreamHarness harness) {
            this.harness = harness;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                harness.close();
            }
        }
    }

    /** Settings of the programmatic form; anything unset takes the harness default. */
    public static final class Builder {
        Integer shards;
        String streamName;
        Duration functionTimeout;
        String functionName;
        Object handler;
        EventSourceMappingConfig mapping;
        Consumer<StreamHarness.Builder> harnessSettings = b -> { };
        Consumer<FaultPlan> faults = f -> { };
        Set<WarningKind> allowedWarnings = EnumSet.noneOf(WarningKind.class);
        boolean failOnWarnings = true;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.shards = shards;
            b.streamName = streamName;
            b.functionTimeout = functionTimeout;
            b.functionName = functionName;
            b.handler = handler;
            b.mapping = mapping;
            b.harnessSettings = harnessSettings;
            b.faults = faults;
            b.allowedWarnings = EnumSet.copyOf(allowedWarnings);
            b.failOnWarnings = failOnWarnings;
            return b;
        }

        /** Number of shards. */
        public Builder shards(int shards) {
            this.shards = shards;
            return this;
        }

        /** Stream name. */
        public Builder streamName(String streamName) {
            this.streamName = Objects.requireNonNull(streamName);
            return this;
        }

        /** Function timeout. */
        public Builder functionTimeout(Duration timeout) {
            this.functionTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Function name. */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name);
            return this;
        }

        /**
         * The handler: an instance shared by every test (so it must not keep state between tests). A lambda
         * {@code (event, context) -> ...} gets a {@code KinesisEvent}. Prefer a {@link HandlerUnderTest} field for
         * handlers with per-test dependencies.
         */
        public Builder handler(RequestHandler<? extends KinesisEvent, ?> handler) {
            this.handler = Objects.requireNonNull(handler);
            return this;
        }

        /** The handler: a stream handler that receives the event JSON bytes, shared by every test. */
        public Builder handler(RequestStreamHandler handler) {
            this.handler = Objects.requireNonNull(handler);
            return this;
        }

        /** The handler class, instantiated per execution environment, per test. */
        public Builder handler(Class<?> handlerClass) {
            this.handler = Objects.requireNonNull(handlerClass);
            return this;
        }

        /** The mapping. */
        public Builder mapping(EventSourceMappingConfig mapping) {
            this.mapping = Objects.requireNonNull(mapping);
            return this;
        }

        /** Any other harness setting (retention, back-off, watchdog, start time, seed, ...). */
        public Builder configure(Consumer<StreamHarness.Builder> settings) {
            this.harnessSettings = this.harnessSettings.andThen(Objects.requireNonNull(settings));
            return this;
        }

        /** Faults planned for every test. */
        public Builder faults(Consumer<FaultPlan> plan) {
            this.faults = this.faults.andThen(Objects.requireNonNull(plan));
            return this;
        }

        /** Warning kinds every test may raise without failing (they are still printed). */
        public Builder allowWarnings(WarningKind... kinds) {
            allowedWarnings.addAll(Arrays.asList(Objects.requireNonNull(kinds)));
            return this;
        }

        /**
         * Whether a warning of a kind that means lost records ({@link WarningKind#failsTests()}) fails the test after
         * it ran (default true); {@code false} only prints every warning.
         */
        public Builder failOnWarnings(boolean fail) {
            this.failOnWarnings = fail;
            return this;
        }

        /** This layer of the precedence rule: only what was set here. */
        void applyTo(StreamHarness.Builder b) {
            if (shards != null) {
                b.shards(shards);
            }
            if (streamName != null) {
                b.streamName(streamName);
            }
            if (functionTimeout != null) {
                b.functionTimeout(functionTimeout);
            }
            if (functionName != null) {
                b.functionName(functionName);
            }
            harnessSettings.accept(b);
        }

        /** The extension, to register with {@code @RegisterExtension}. */
        public KinesisStreamExtension build() {
            return new KinesisStreamExtension(this);
        }
    }

    /** Thrown for a test whose configuration cannot work; the message says how to fix it. */
    static ExtensionConfigurationException misconfigured(String message) {
        return new ExtensionConfigurationException(message);
    }
}
