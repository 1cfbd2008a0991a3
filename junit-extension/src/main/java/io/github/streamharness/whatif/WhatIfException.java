package io.github.streamharness.whatif;

/** A configuration of a what-if failed to run (its handler factory, producer or a probe threw); names it. */
public final class WhatIfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WhatIfException(String message, Throwable cause) {
        super(message, cause);
    }
}
