package io.github.streamharness.junit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** A handler instance built with a mock, supplied through a {@link HandlerUnderTest} field. */
@ExtendWith(MockitoExtension.class)
@KinesisStreamTest
@EventSourceMapping(batchSize = 2)
class HandlerFieldTest {
    @Mock
    Consumer<String> sink;

    @HandlerUnderTest
    RequestHandler<KinesisEvent, Void> handler;

    @BeforeEach
    void createHandler() {
        handler = new ForwardingHandler(sink);
    }

    static final class ForwardingHandler implements RequestHandler<KinesisEvent, Void> {
        private final Consumer<String> sink;

        ForwardingHandler(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public Void handleRequest(KinesisEvent event, Context context) {
            event.getRecords().forEach(r -> sink.accept(r.getKinesis().getPartitionKey()));
            return null;
        }
    }

    @Test
    void theFieldIsTheFunctionUnderTest(StreamHarness stream, InvocationLog log) {
        stream.put("a", "1");
        stream.put("b", "2");
        stream.put("c", "3");
        stream.runUntilIdle();
        verify(sink, times(3)).accept(any());
        assertThat(log.all()).extracting(i -> i.batchSize()).containsExactly(2, 1);
    }
}
