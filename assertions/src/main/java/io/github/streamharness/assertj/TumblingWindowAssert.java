package io.github.streamharness.assertj;

import io.github.streamharness.TumblingWindow;

/** Assertions on one tumbling window; see {@link AbstractTumblingWindowAssert}. */
public class TumblingWindowAssert extends AbstractTumblingWindowAssert<TumblingWindowAssert> {

    /** Creates the assertion (use {@code assertThat(function).window(start)}). */
    public TumblingWindowAssert(TumblingWindow actual) {
        super(actual, TumblingWindowAssert.class);
    }
}
