package io.github.streamharness.junit;

import io.github.streamharness.traffic.RecordSpec;
import io.github.streamharness.traffic.RecordedEvents;
import io.github.streamharness.traffic.RecordedEventsException;
import io.github.streamharness.traffic.RecordedRecord;
import io.github.streamharness.traffic.RecordedStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** Resolves {@link RecordedEventsSource} parameters. */
final class RecordedParameters {
    private RecordedParameters() {
    }

    static boolean supports(Parameter parameter) {
        Class<?> type = parameter.getType();
        if (type == RecordedStream.class) {
            return true;
        }
        if (type == List.class && parameter.getParameterizedType() instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            return element == RecordedRecord.class || element == RecordSpec.class;
        }
        return false;
    }

    static Object resolve(ParameterContext parameterContext, ExtensionContext context) {
        RecordedEventsSource source = parameterContext.findAnnotation(RecordedEventsSource.class).orElseThrow();
        RecordedStream stream;
        try {
            stream = RecordedEvents.fromClasspath(source.value(), context.getRequiredTestClass().getClassLoader());
        } catch (RecordedEventsException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        if (source.inSequenceOrder()) {
            stream = stream.inSequenceOrder();
        }
        Parameter parameter = parameterContext.getParameter();
        if (parameter.getType() == RecordedStream.class) {
            return stream;
        }
        Type element = ((ParameterizedType) parameter.getParameterizedType()).getActualTypeArguments()[0];
        return element == RecordSpec.class ? stream.specs() : stream.records();
    }
}
