package io.github.streamharness.junit;

import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.lang.reflect.Array;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project on JUnit 5.10 (as Spring Boot 3.4 and 3.5 bring) runs a test class with the extension: JUnit 5.10 to 5.12
 * close only {@code CloseableResource} store values, so a harness kept as a plain {@code AutoCloseable} stayed open
 * with its watchdog thread. The class runs in a class loader of its own holding JUnit 5.10.5's jars (copied to
 * target/junit-floor by the build), the extension's classes and its runtime dependencies, and no other JUnit.
 */
class FreshProjectOnJUnit510Test {
    private static final String FUNCTION = "fresh-510-fn";

    /** The user's test class; it only uses JUnit 5.10 API. */
    @Tag("fixture")
    public static class UsersTest {
        @RegisterExtension
        static KinesisStreamExtension stream = KinesisStreamExtension.builder()
                .functionName(FUNCTION)
                .handler(new MisconfigurationTest.Noop())
                .configure(b -> b.watchdog(Duration.ofSeconds(30)))
                .build();

        @Test
        void runsTheHandlerOnAWatchdogThread(StreamHarness harness) {
            harness.put("pk", "x");
            harness.runUntilIdle();
            if (harness.invocations().count() != 1 || liveHarnessThreads() == 0) {
                throw new AssertionError("expected one invocation on a watchdog thread");
            }
        }
    }

    static long liveHarnessThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("streamharness-watchdog-" + FUNCTION + "-"))
                .count();
    }

    @Test
    void aFreshProjectOnJUnit510LeavesNoThreadBehind() throws Exception {
        Path floor = Path.of(System.getProperty("streamharness.junit.floor.dir", "target/junit-floor"));
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(floor)) {
            for (Path jar : jars.sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        assertThat(urls).as("JUnit 5.10 jars in " + floor).hasSize(7);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // the extension, its runtime dependencies and this test's classes; no JUnit but 5.10's
            String name = Path.of(entry).getFileName().toString();
            if (!name.startsWith("junit-") && !name.startsWith("opentest4j") && !name.startsWith("apiguardian")
                    && !name.startsWith("mockito-junit") && !name.contains("surefire")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(urls).as("the extension's classes").anyMatch(u -> u.getPath().endsWith("/target/classes/"));

        long succeeded;
        String jupiterVersion;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            jupiterVersion = loader.loadClass("org.junit.jupiter.api.Test").getPackage().getImplementationVersion();
            succeeded = runWithLauncher(loader, UsersTest.class.getName());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        assertThat(jupiterVersion).isEqualTo("5.10.5");
        assertThat(succeeded).as("tests of UsersTest that passed on JUnit 5.10").isEqualTo(1);
        assertThat(liveHarnessThreads()).as("harness threads left after the test").isZero();
    }

    /** The JUnit Platform launcher of {@code loader}, reached by reflection (its classes are not this test's). */
    private static long runWithLauncher(ClassLoader loader, String testClass) throws Exception {
        Class<?> selectorType = loader.loadClass("org.junit.platform.engine.DiscoverySelector");
        Object selector = loader.loadClass("org.junit.platform.engine.discovery.DiscoverySelectors")
                .getMethod("selectClass", String.class).invoke(null, testClass);
        Object selectors = Array.newInstance(selectorType, 1);
        Array.set(selectors, 0, selector);
        Class<?> builderType = loader.loadClass("org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder");
        Object builder = builderType.getMethod("request").invoke(null);
        builder = builderType.getMethod("selectors", selectors.getClass()).invoke(builder, selectors);
        Object request = builderType.getMethod("build").invoke(builder);

        Class<?> listenerType = loader.loadClass("org.junit.platform.launcher.TestExecutionListener");
        Object summary = loader.loadClass("org.junit.platform.launcher.listeners.SummaryGeneratingListener")
                .getConstructor().newInstance();
        Object listeners = Array.newInstance(listenerType, 1);
        Array.set(listeners, 0, summary);
        Object launcher = loader.loadClass("org.junit.platform.launcher.core.LauncherFactory").getMethod("create")
                .invoke(null);
        loader.loadClass("org.junit.platform.launcher.Launcher")
                .getMethod("execute", loader.loadClass("org.junit.platform.launcher.LauncherDiscoveryRequest"),
                        listeners.getClass())
                .invoke(launcher, request, listeners);
        Object result = summary.getClass().getMethod("getSummary").invoke(summary);
        return (long) loader.loadClass("org.junit.platform.launcher.listeners.TestExecutionSummary")
                .getMethod("getTestsSucceededCount").invoke(result);
    }
}
