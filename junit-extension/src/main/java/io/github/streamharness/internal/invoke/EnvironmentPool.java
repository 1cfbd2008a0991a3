package io.github.streamharness.internal.invoke;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The execution environments of one function (rule 15.2 to 15.4, 0.14). An environment serves one invocation at a
 * time and is busy until the invocation's end on the virtual clock. A free environment is chosen most recently used
 * first; when none is free a new one is created, which cold-starts unless it is one of the function's provisioned
 * environments. A free on-demand environment idle longer than the keep-warm time is reclaimed; provisioned ones never
 * are. With reserved concurrency N, an invocation that would make N + 1 environments busy at once is throttled.
 *
 * <p>Ties (rule 0.14): with a limit, lanes ask through {@link #request}; every request made at one virtual instant
 * is granted in (shard index, lane index) order by one arbitration event at that instant.
 */
public final class EnvironmentPool {
    /** No reserved concurrency: no limit. */
    public static final int UNRESERVED = -1;

    private final int reserved;
    private final long keepWarmNanos;
    private final ScheduleAt scheduler;
    private int provisionedLeft;
    private int created;
    private int maxBusy;
    private final ArrayDeque<ExecutionEnvironment> free = new ArrayDeque<>(); // head: most recently used
    private final PriorityQueue<ExecutionEnvironment> busy = new PriorityQueue<>(
            Comparator.comparingLong(ExecutionEnvironment::busyUntil).thenComparingInt(ExecutionEnvironment::number));
    private final List<Request> requests = new ArrayList<>();
    private boolean arbitrationScheduled;

    /** Schedules an action at a virtual instant (the harness's scheduler). */
    @FunctionalInterface
    public interface ScheduleAt {
        /** Runs {@code action} at {@code atNanos}. */
        void schedule(long atNanos, Runnable action);
    }

    /**
     * A pool.
     *
     * @param reserved      reserved concurrency, or {@link #UNRESERVED}
     * @param provisioned   provisioned environments (initialised before the first invocation, never reclaimed)
     * @param keepWarmNanos how long a free on-demand environment stays warm
     * @param scheduler     schedules an action at the given instant
     */
    public EnvironmentPool(int reserved, int provisioned, long keepWarmNanos, ScheduleAt scheduler) {
        this.reserved = reserved;
        this.provisionedLeft = provisioned;
        this.keepWarmNanos = keepWarmNanos;
        this.scheduler = scheduler;
    }

    /** Whether a reserved concurrency limits the function (requests then go through {@link #request}). */
    public boolean limited() {
        return reserved != UNRESERVED;
    }

    /** The most environments busy at once so far. */
    public int maxConcurrency() {
        return maxBusy;
    }

    /** Environments busy at {@code now}. */
    public int busyAt(long now) {
        settle(now);
        return busy.size();
    }

    /** Moves environments whose invocation ended by {@code now} to the free list, and reclaims idle ones. */
    private void settle(long now) {
        while (!busy.isEmpty() && busy.peek().busyUntil() <= now) {
            ExecutionEnvironment env = busy.poll();
            if (!env.discarded()) {
                free.addFirst(env); // released in end-time order: the last to end is the most recently used
            } else if (env.provisioned()) {
                provisionedLeft++; // a replaced provisioned environment is replaced by a provisioned one (15.4)
            }
        }
        // the free list is ordered by release time, newest first: walk from the oldest while they are too old
        for (Iterator<ExecutionEnvironment> it = free.descendingIterator(); it.hasNext(); ) {
            ExecutionEnvironment env = it.next();
            if (now - env.busyUntil() <= keepWarmNanos) {
                break;
            }
            if (!env.provisioned()) {
                it.remove(); // rule 0.14: idle longer than the keep-warm time; provisioned ones stay
            }
        }
    }

    /** Whether an invocation starting now would be throttled by the reserved concurrency (rule 15.3). */
    public boolean wouldThrottle(long now) {
        settle(now);
        return limited() && busy.size() >= reserved;
    }

    /**
     * The environment for an invocation starting now, or null when the reserved concurrency throttles it. A new one is
     * made with {@code handlers} (which may throw: nothing is taken from the pool then).
     */
    public ExecutionEnvironment acquire(long now, Function<String, ExecutionEnvironment> factory) {
        if (wouldThrottle(now)) {
            return null;
        }
        ExecutionEnvironment env = free.pollFirst();
        if (env == null) {
            boolean provisioned = provisionedLeft > 0;
            env = factory.apply("env-" + (created + 1));
            created++;
            if (provisioned) {
                provisionedLeft--;
                env.provision();
            }
        }
        return env;
    }

    /** Marks {@code env} busy until {@code end}; discarded ones (timeout, crash: rule 0.4) never come back. */
    public void busyUntil(ExecutionEnvironment env, long now, long end, boolean discard) {
        env.occupy(now, end, discard);
        busy.add(env);
        maxBusy = Math.max(maxBusy, busy.size());
    }

    /**
     * Asks for a turn at {@code now}: {@code grant} runs at the same instant, after every request of that instant was
     * made, in (shard, lane) order (rule 0.14), unless {@code wanted} is false by then.
     */
    public void request(long now, int shard, int lane, BooleanSupplier wanted, Runnable grant) {
        requests.add(new Request(shard, lane, wanted, grant));
        if (!arbitrationScheduled) {
            arbitrationScheduled = true;
            scheduler.schedule(now, this::arbitrate);
        }
    }

    private void arbitrate() {
        arbitrationScheduled = false;
        List<Request> round = new ArrayList<>(requests);
        requests.clear();
        round.sort(Comparator.comparingInt(Request::shard).thenComparingInt(Request::lane));
        round.forEach(r -> {
            if (r.wanted().getAsBoolean()) {
                r.grant().run();
            }
        });
    }

    private record Request(int shard, int lane, BooleanSupplier wanted, Runnable grant) {
    }
}
