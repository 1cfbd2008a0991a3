package io.github.streamharness.internal.invoke;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The function a mapping invokes.
 *
 * @param name        function name
 * @param arn         unqualified function ARN
 * @param roleArn     execution role ARN (the event's invokeIdentityArn, spec 7.2)
 * @param timeout     function timeout
 * @param memoryMb    memory size
 * @param handlers    supplies the handler for a new execution environment: a new instance per environment for a
 *                    handler class, the same instance for a handler object
 * @param description how to name the handler in messages
 */
public record FunctionSpec(String name, String arn, String roleArn, Duration timeout, int memoryMb,
                           Supplier<Object> handlers, String description) {
}
