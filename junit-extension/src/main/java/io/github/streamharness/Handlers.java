package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.function.Supplier;

/** Turns what a user gives as a handler into a supplier of handler instances, one per execution environment. */
final class Handlers {
    private Handlers() {
    }

    record Source(Supplier<Object> supplier, String description) {
    }

    static Source source(Object handler) {
        if (handler == null) {
            throw new IllegalArgumentException("handler must not be null");
        }
        if (handler instanceof Class<?> type) {
            return fromClass(type);
        }
        Object adapted = adapt(handler, check(handler.getClass()));
        return new Source(() -> adapted, handler.getClass().getName());
    }

    /**
     * A handler of {@link KinesisTimeWindowEvent} (a subclass of KinesisEvent) gets the event as that type, as the
     * Lambda runtime deserializes it: with tumbling windows the mapping's own window event (rule 8.2), without them
     * one whose window fields are absent (null).
     *
     * @param windowed whether the handler's class takes a KinesisTimeWindowEvent ({@link #check})
     */
    @SuppressWarnings("unchecked")
    private static Object adapt(Object handler, boolean windowed) {
        if (windowed) {
            var typed = (RequestHandler<KinesisTimeWindowEvent, Object>) handler;
            return (RequestHandler<KinesisEvent, Object>) (event, context) -> {
                if (event instanceof KinesisTimeWindowEvent windowEvent) {
                    return typed.handleRequest(windowEvent, context);
                }
                KinesisTimeWindowEvent windowEvent = new KinesisTimeWindowEvent();
                windowEvent.setRecords(event.getRecords());
                return typed.handleRequest(windowEvent, context);
            };
        }
        return handler;
    }

    private static Source fromClass(Class<?> type) {
        boolean windowed = check(type); // once per source, not per instance: the class is known

        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("handler class " + type.getName() + " is abstract; the Lambda runtime "
                    + "needs a concrete class with a public no-argument constructor");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("handler class " + type.getName() + " has no no-argument constructor; "
                    + "the Lambda runtime instantiates handlers with one. Pass an instance instead "
                    + "(handler(new " + type.getSimpleName() + "(...))) to inject dependencies.", e);
        }
        constructor.setAccessible(true);
        return new Source(() -> {
            try {
                return adapt(constructor.newInstance(), windowed);
            } catch (InvocationTargetException e) {
                throw sneaky(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate handler " + type.getName() + ": " + e, e);
            }
        }, type.getName());
    }

    /**
     * Checks that {@code type} is a handler a Kinesis mapping can invoke.
     *
     * @return whether it is a {@code RequestHandler<KinesisTimeWindowEvent, ?>} (and not a stream handler)
     */
    private static boolean check(Class<?> type) {
        boolean stream = RequestStreamHandler.class.isAssignableFrom(type);
        boolean typed = RequestHandler.class.isAssignableFrom(type);
        if (!stream && !typed) {
            throw new IllegalArgumentException("handler " + type.getName() + " is neither a "
                    + "RequestHandler<KinesisEvent, ?> (or RequestHandler<KinesisTimeWindowEvent, ?>) nor a "
                    + "RequestStreamHandler; a Kinesis event source mapping can only invoke those");
        }
        if (stream) {
            return false;
        }
        Type input = inputType(type);
        if (input instanceof Class<?> c && !c.isAssignableFrom(KinesisEvent.class)
                && c != KinesisTimeWindowEvent.class) {
            throw new IllegalArgumentException("handler " + type.getName() + " takes " + c.getName()
                    + ", but a Kinesis event source mapping invokes it with a KinesisEvent (rule 7.3)");
        }
        return input == KinesisTimeWindowEvent.class;
    }

    private static Type inputType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments()[0];
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
