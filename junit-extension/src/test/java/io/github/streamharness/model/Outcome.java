package io.github.streamharness.model;

import java.util.List;

/**
 * What one invocation returned, as decided by an {@link Oracle}: the closed set of results the spec distinguishes
 * (rule 4.1 function errors, 4.2 throttles, 5 partial batch responses).
 */
public sealed interface Outcome {

    /** The function returned normally with nothing to report (rule 5.3). */
    Outcome SUCCESS = new Success();
    /** The handler threw: a function error, {@code functionError "Unhandled"} (rule 4.1). */
    Outcome EXCEPTION = new FunctionException();
    /** The handler ran past the function timeout: a function error that lasts exactly the timeout (rule 0.4, 4.1). */
    Outcome TIMEOUT = new Timeout();
    /** The invocation never reached the function; not an attempt (rule 4.2). */
    Outcome THROTTLE = new Throttle();

    /** See {@link #SUCCESS}. */
    record Success() implements Outcome {
    }

    /** See {@link #EXCEPTION}. */
    record FunctionException() implements Outcome {
    }

    /** See {@link #TIMEOUT}. */
    record Timeout() implements Outcome {
    }

    /** See {@link #THROTTLE}. */
    record Throttle() implements Outcome {
    }

    /** A {@code {"batchItemFailures":[...]}} response (rule 5.2); only read when ReportBatchItemFailures is on. */
    record Partial(List<ItemId> failures) implements Outcome {
        /** Copies the list; it may be empty (rule 5.3: complete success). */
        public Partial {
            failures = List.copyOf(failures);
        }
    }

    /** A partial response naming the given items. */
    static Outcome partial(ItemId... failures) {
        return new Partial(List.of(failures));
    }

    /** A partial response naming the records with the given indices. */
    static Outcome partialRecords(int... indices) {
        return new Partial(java.util.Arrays.stream(indices).mapToObj(ItemId::record).toList());
    }
}
