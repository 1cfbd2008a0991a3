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
 * the function timeout. Lines written to {@link #getLogger()} are kept with the invocation.
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
    private final long deadlineMillis;
    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
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

    /** The lines logged so far through {@link #getLogger()}. */
    public List<String> logLines() {
        synchronized (logLines) {
            return List.copyOf(logLines);
        }
    }

    private final class CollectingLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            if (logLines.size() < 1000) {
                logLines.add(message);
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
