package io.github.streamharness.whatif;

import io.github.streamharness.StreamHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A what-if sweep: the same {@link Traffic} replayed under several {@link Configuration}s, one harness per
 * configuration, on a bounded pool of threads (at most one per configuration and one per processor by default).
 * Each configuration runs on its own harness with its own handler, so a run in parallel gives exactly the figures of
 * the same run one configuration after the other. {@link Builder#run()} returns when every configuration is done,
 * with no thread of its own left running.
 *
 * <pre>{@code
 * WhatIfReport report = WhatIf.of(Traffic.of(10, Duration.ofMinutes(45), h -> producer.start(h)),
 *                                 (harness, configuration) -> new AnalyticsStreamProcessor(dynamoDb(harness)))
 *         .configurations(before, after)
 *         .run();
 * }</pre>
 */
public final class WhatIf {
    private WhatIf() {
    }

    /** A what-if of {@code traffic}, with a fresh handler from {@code handlers} for every configuration. */
    public static Builder of(Traffic traffic, HandlerFactory handlers) {
        return new Builder(Objects.requireNonNull(traffic, "traffic"), Objects.requireNonNull(handlers, "handlers"));
    }

    /**
     * Told how far each configuration's run is, on the thread that runs it (so it must be thread-safe), after each
     * step of virtual time.
     */
    @FunctionalInterface
    public interface ProgressListener {
        /** {@code configuration} has run {@code done} of {@code total} virtual time and written {@code recordsPut}. */
        void progress(String configuration, Duration done, Duration total, long recordsPut);
    }

    /** The configurations and settings of a what-if; {@link #run()} runs it. */
    public static final class Builder {
        private final Traffic traffic;
        private final HandlerFactory handlers;
        private final List<Configuration> configurations = new ArrayList<>();
        private final Map<String, Function<StreamHarness, String>> probes = new LinkedHashMap<>();
        private Pricing pricing = Pricing.US_EAST_1_X86;
        private Duration period = Duration.ofMinutes(5);
        private Duration step = Duration.ofSeconds(1);
        private int threads = Runtime.getRuntime().availableProcessors();
        private int retained = ConfigurationRun.DEFAULT_RETAINED;
        private ProgressListener progress = (c, d, t, r) -> { };

        private Builder(Traffic traffic, HandlerFactory handlers) {
            this.traffic = traffic;
            this.handlers = handlers;
        }

        /** Adds configurations, in report order. */
        public Builder configurations(Configuration... added) {
            return configurations(List.of(added));
        }

        /** Adds configurations, in report order. */
        public Builder configurations(List<Configuration> added) {
            added.forEach(c -> configurations.add(Objects.requireNonNull(c, "configuration")));
            return this;
        }

        /** The prices of the cost estimate, default {@link Pricing#US_EAST_1_X86}. */
        public Builder pricing(Pricing prices) {
            this.pricing = Objects.requireNonNull(prices, "pricing");
            return this;
        }

        /** The period of {@link ConfigurationResult#periods()}, default 5 minutes (whole seconds, at least 1 s). */
        public Builder period(Duration length) {
            this.period = wholeSeconds("period", length);
            return this;
        }

        /**
         * How much virtual time runs between two progress reports, default 1 s (whole seconds). The invocation log
         * (for timeouts and cold starts) is read after a step once two fifths of what it retains are unread; a step
         * that ends more than the rest fails with a message to shorten it or retain more.
         */
        public Builder step(Duration length) {
            this.step = wholeSeconds("step", length);
            return this;
        }

        /**
         * How many invocations each configuration's harness retains in detail, default 5,000 (at least 10): the
         * window the timeouts and cold starts are counted through, and the invocations whose log lines the probes'
         * Logs Insights queries see. More costs memory (each holds its batch); raise it for a burst of thousands of
         * invocations within one step.
         */
        public Builder retainInvocations(int n) {
            if (n < 10) {
                throw new IllegalArgumentException("a what-if retains at least 10 invocations, got " + n);
            }
            this.retained = n;
            return this;
        }

        /** At most this many configurations at once (default: the number of processors). */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a what-if needs at least 1 thread, got " + n);
            }
            this.threads = n;
            return this;
        }

        /** Told after every step of every configuration (on the thread that runs it). */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * Adds a probe: at the end of each configuration's run, on its harness, {@code probe} returns a text for the
         * report (a Logs Insights query's rows, the DLQ's contents, a mock's counts).
         */
        public Builder probe(String name, Function<StreamHarness, String> probe) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(probe, "probe");
            if (probes.putIfAbsent(name, probe) != null) {
                throw new IllegalArgumentException("a what-if probe named \"" + name + "\" was added twice; give "
                        + "each probe its own name");
            }
            return this;
        }

        /**
         * Runs every configuration and returns their results in the order they were added.
         *
         * @throws IllegalStateException without configurations, or with two of the same name
         * @throws WhatIfException when a configuration's run fails (naming it); the others are stopped
         */
        public WhatIfReport run() {
            check();
            Settings settings = new Settings(traffic, handlers, pricing, period, step, retained, progress,
                    new LinkedHashMap<>(probes));
            List<Configuration> runs = List.copyOf(configurations);
            int poolSize = Math.min(threads, runs.size());
            long wallStart = System.nanoTime(); // reported only: the runs themselves read the virtual clock
            List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
                Thread t = new Thread(r, "streamharness-whatif-" + (workers.size() + 1));
                t.setDaemon(true);
                workers.add(t);
                return t;
            });
            try {
                List<Future<ConfigurationResult>> futures = new ArrayList<>();
                for (Configuration c : runs) {
                    futures.add(pool.submit(() -> new ConfigurationRun(settings, c).call()));
                }
                List<ConfigurationResult> results = new ArrayList<>();
                for (int i = 0; i < futures.size(); i++) {
                    results.add(await(futures.get(i), runs.get(i)));
                }
                return new WhatIfReport(traffic, pricing, period, results,
                        Duration.ofNanos(System.nanoTime() - wallStart));
            } finally {
                pool.shutdownNow();
                awaitTermination(pool, workers);
            }
        }

        private void check() {
            if (configurations.isEmpty()) {
                throw new IllegalStateException("a what-if needs at least one configuration: add them with "
                        + "configurations(..) before run()");
            }
            Set<String> names = new LinkedHashSet<>();
            for (Configuration c : configurations) {
                if (!names.add(c.name())) {
                    throw new IllegalStateException("two what-if configurations are named \"" + c.name()
                            + "\"; give each its own name, it labels its row in the report");
                }
            }
        }

        private static ConfigurationResult await(Future<ConfigurationResult> future, Configuration c) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WhatIfException("the what-if was interrupted while configuration \"" + c.name()
                        + "\" ran", e);
            } catch (ExecutionException e) {
                throw new WhatIfException("configuration \"" + c.name() + "\" failed: " + e.getCause(),
                        e.getCause());
            }
        }

        /** Waits until the pool has stopped and each of its threads has ended (not only left its last task). */
        private static void awaitTermination(ExecutorService pool, List<Thread> workers) {
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            for (Thread t : workers) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private static Duration wholeSeconds(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.getNano() != 0 || d.getSeconds() < 1) {
                throw new IllegalArgumentException("a what-if's " + what + " must be whole seconds, at least 1 s, "
                        + "got " + d);
            }
            return d;
        }
    }

    /** What every configuration's run shares. */
    record Settings(Traffic traffic, HandlerFactory handlers, Pricing pricing, Duration period, Duration step,
                    int retained, ProgressListener progress, Map<String, Function<StreamHarness, String>> probes) {
    }
}
