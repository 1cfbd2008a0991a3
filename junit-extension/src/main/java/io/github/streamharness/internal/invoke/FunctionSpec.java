package io.github.streamharness.internal.invoke;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The function a mapping invokes.
 *
 * @param name        function name
 * @param arn         unqualified function ARN
 * @param roleArn     execution role ARN (the event's invokeIdentityArn, rule 7.2)
 * @param timeout     function timeout
 * @param memoryMb    memory size
 * @param handlers    supplies the handler for a new execution environment: a new instance per environment for a
 *                    handler class, the same instance for a handler object
 * @param description how to name the handler in messages
 * @param reserved    reserved concurrency (rule 15.3), or {@link EnvironmentPool#UNRESERVED}
 * @param provisioned provisioned concurrency (rule 15.4)
 * @param initDuration the Init phase of a new on-demand environment (rule 0.15)
 * @param keepWarm    how long a free on-demand environment stays warm (rule 0.14)
 */
public record FunctionSpec(String name, String arn, String roleArn, Duration timeout, int memoryMb,
                           Supplier<Object> handlers, String description, int reserved, int provisioned,
                           Duration initDuration, Duration keepWarm) {
}
