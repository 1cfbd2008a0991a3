package io.github.streamharness.assertj;

import io.github.streamharness.FunctionLogs;

/** Assertions on a function's CloudWatch Logs; see {@link AbstractFunctionLogsAssert}. */
public class FunctionLogsAssert extends AbstractFunctionLogsAssert<FunctionLogsAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(logs)}). */
    public FunctionLogsAssert(FunctionLogs actual) {
        super(actual, FunctionLogsAssert.class);
    }
}
