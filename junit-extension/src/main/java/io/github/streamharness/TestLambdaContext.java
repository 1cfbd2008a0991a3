package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The Lambda {@link Context} a handler receives from the harness: request id (a seeded UUID), function name, ARN,
 * version, memory, log group and stream, and {@link #getRemainingTimeInMillis()} computed from the virtual clock and
 * the function timeout. Lines written to {@link #getLogger()} are kept with the invocation, each with the virtual time
 * it was written, and become the handler's lines in the function's CloudWatch Logs (rule 16.2: for the Java runtime,
 * each call of {@code log(..)} is one log event, with or without a trailing newline).
 */
public final class TestLambdaContext implements Context {
    private final String awsRequestId;
    private final String functionName;
    private final String functionVersion;
    private final String invokedFunctionArn;
    private final int memoryLimitInMb;
    private final String logGroupName;
    private final String logStreamName;
    private final LongSupplier nowMillis;
    private final LongSupplier nowNanos;
    private final long deadlineMillis;
    private final List<LoggedLine> logLines = Collections.synchronizedList(new ArrayList<>());
    private final LambdaLogger logger = new CollectingLogger();

    /**
     * A context for one invocation.
     *
     * @param nowMillis      reads the virtual clock in epoch millis
     * @param deadlineMillis start of the invocation plus the function timeout, in epoch millis
     */
    public TestLambdaContext(String awsRequestId, String functionName, String functionVersion,
                             String invokedFunctionArn, int memoryLimitInMb, String logStreamName,
                             LongSupplier nowMillis, long deadlineMillis) {
        this(awsRequestId, functionName, functionVersion, invokedFunctionArn, memoryLimitInMb, logStreamName,
                nowMillis, () -> Math.multiplyExact(nowMillis.getAsLong(), 1_000_000L), deadlineMillis);
    }

    /**
     * A context for one invocation whose log lines are stamped with nanosecond precision.
     *
     * @param nowMillis      reads the virtual clock in epoch millis
     * @param nowNanos       reads the virtual clock in epoch nanoseconds (the time of each logged line)
     * @param deadlineMillis start of the invocation plus the function timeout, in epoch millis
     */
    public TestLambdaContext(String awsRequestId, String functionName, String functionVersion,
                             String invokedFunctionArn, int memoryLimitInMb, String logStreamName,
                             LongSupplier nowMillis, LongSupplier nowNanos, long deadlineMillis) {
        this.nowNanos = nowNanos;
        this.awsRequestId = awsRequestId;
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.invokedFunctionArn = invokedFunctionArn;
        this.memoryLimitInMb = memoryLimitInMb;
        this.logGroupName = "/aws/lambda/" + functionName;
        this.logStreamName = logStreamName;
        this.nowMillis = nowMillis;
        this.deadlineMillis = deadlineMillis;
    }

    /**
     * A context for calling a handler directly in a unit test: function {@code test-function}, 3 s remaining for ever.
     */
    public static TestLambdaContext forUnitTest() {
        return new TestLambdaContext("00000000-0000-4000-8000-000000000000", "test-function", "$LATEST",
                "arn:aws:lambda:us-east-1:123456789012:function:test-function", 128,
                "2025/01/01/[$LATEST]00000000000000000000000000000000", () -> 0L, 3_000L);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** Milliseconds left before the function timeout, on the virtual clock; never negative. */
    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - nowMillis.getAsLong());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** The lines logged so far through {@link #getLogger()} (at most the first 1,000 of the invocation). */
    public List<String> logLines() {
        synchronized (logLines) {
            return logLines.stream().map(LoggedLine::message).toList();
        }
    }

    /** The lines logged so far, each with the virtual time it was written. */
    public List<LoggedLine> loggedLines() {
        synchronized (logLines) {
            return List.copyOf(logLines);
        }
    }

    /**
     * One line the handler logged.
     *
     * @param epochNanos the virtual time it was written, in epoch nanoseconds
     * @param message    what it wrote
     */
    public record LoggedLine(long epochNanos, String message) {
    }

    private final class CollectingLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            synchronized (logLines) {
                if (logLines.size() < 1000) {
                    logLines.add(new LoggedLine(nowNanos.getAsLong(), String.valueOf(message)));
                }
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
