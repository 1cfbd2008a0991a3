package io.github.streamharness.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Attaches a failed test's full timeline as the file {@value #FILE_NAME}, through
 * {@code ExtensionContext.publishFile}. The extension is compiled against JUnit 5.10, which cannot attach files, so
 * the method is looked up at run time: JUnit 5.14 and later take an {@code org.junit.jupiter.api.MediaType}, 5.12 and
 * 5.13 an {@code org.junit.jupiter.api.extension.MediaType}. On an older JUnit the timeline stays in the report
 * entries, and that is said once per test run (a report entry on the engine's root context), not as an error.
 */
final class TimelineFile {
    static final String FILE_NAME = "streamharness-timeline.txt";
    static final String NOT_ATTACHED_KEY = "streamharness.timeline-file";

    private TimelineFile() {
    }

    static void attach(ExtensionContext context, ExtensionContext.Namespace namespace, String timeline) {
        Method publishFile = publishFileMethod();
        if (publishFile == null) {
            reportAbsenceOnce(context, namespace);
            return;
        }
        ThrowingConsumer<Path> writer = path -> Files.writeString(path, timeline, StandardCharsets.UTF_8);
        try {
            Object mediaType = publishFile.getParameterTypes()[1].getMethod("create", String.class, String.class,
                    java.nio.charset.Charset.class).invoke(null, "text", "plain", StandardCharsets.UTF_8);
            publishFile.invoke(context, FILE_NAME, mediaType, writer);
        } catch (InvocationTargetException e) {
            context.publishReportEntry(NOT_ATTACHED_KEY, "not attached: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            context.publishReportEntry(NOT_ATTACHED_KEY, "not attached: " + e);
        }
    }

    /** {@code publishFile(String, MediaType, ThrowingConsumer)} of the running JUnit, the newest kind first. */
    static Method publishFileMethod() {
        Method older = null;
        for (Method m : ExtensionContext.class.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (m.getName().equals("publishFile") && p.length == 3 && p[1].getSimpleName().equals("MediaType")) {
                if (p[1].getName().equals("org.junit.jupiter.api.MediaType")) {
                    return m;
                }
                older = m;
            }
        }
        return older;
    }

    private static void reportAbsenceOnce(ExtensionContext context, ExtensionContext.Namespace namespace) {
        ExtensionContext root = context.getRoot();
        AtomicBoolean reported = root.getStore(namespace)
                .getOrComputeIfAbsent(NOT_ATTACHED_KEY, k -> new AtomicBoolean(), AtomicBoolean.class);
        if (reported.compareAndSet(false, true)) {
            root.publishReportEntry(NOT_ATTACHED_KEY, "not attached: this JUnit cannot attach files (5.12 and "
                    + "later can); each failed test's timeline is in its report entry streamharness.timeline");
        }
    }
}
