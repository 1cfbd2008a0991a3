package io.github.streamharness.junit;

import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.WarningKind;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strict by default: after a test ran, every warning of its harness is printed (a report entry and the log), and
 * those of a kind that means lost records ({@link WarningKind#failsTests()}) fail the test unless it allows them.
 */
final class WarningPolicy {
    static final String REPORT_KEY = "streamharness.warnings";
    private static final System.Logger LOG = System.getLogger("io.github.streamharness");

    private WarningPolicy() {
    }

    /** The kinds the test may raise without failing: the builder's, the class's and the method's. */
    static Set<WarningKind> allowed(KinesisStreamExtension.Builder settings, ExtensionContext context) {
        Set<WarningKind> allowed = EnumSet.noneOf(WarningKind.class);
        allowed.addAll(settings.allowedWarnings);
        allowed.addAll(ClassPlan.of(context).allowedWarnings);
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, AllowWarnings.class))
                .ifPresent(a -> allowed.addAll(Arrays.asList(a.value())));
        return allowed;
    }

    static boolean failOnWarnings(KinesisStreamExtension.Builder settings, ExtensionContext context) {
        return settings.failOnWarnings && ClassPlan.of(context).failOnWarnings;
    }

    /**
     * Prints the harness's warnings and returns the failure for those that fail the test, or null.
     *
     * @param testPassed whether the test itself passed (a failed test is not failed again)
     */
    static AssertionError check(KinesisStreamExtension.Builder settings, ExtensionContext context,
                                StreamHarness harness, boolean testPassed) {
        List<String> all = null;           // made at the first warning, with the rest: most tests raise none
        List<String> failing = null;
        Set<WarningKind> failingKinds = null;
        Boolean strict = null;
        Set<WarningKind> allowed = null;
        for (MappedFunction mapping : harness.mappings()) {
            for (TimelineEntry e : mapping.invocations().warningEntries()) {
                String line = mapping.functionName() + ": [" + e.warning() + "] " + e.text();
                if (all == null) {
                    all = new ArrayList<>();
                    failing = new ArrayList<>();
                    failingKinds = EnumSet.noneOf(WarningKind.class);
                }
                all.add(line);
                if (strict == null) {
                    strict = testPassed && failOnWarnings(settings, context);
                    allowed = strict ? allowed(settings, context) : Set.of();
                }
                if (strict && e.warning().failsTests() && !allowed.contains(e.warning())) {
                    failing.add(line);
                    failingKinds.add(e.warning());
                }
            }
        }
        if (all == null) {
            return null;
        }
        context.publishReportEntry(REPORT_KEY, String.join("\n", all));
        if (failing.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, context.getDisplayName() + " raised " + all.size()
                    + " warning(s):\n  " + String.join("\n  ", all));
            return null;
        }
        String kinds = failingKinds.stream().map(k -> "WarningKind." + k).collect(Collectors.joining(", "));
        return new AssertionError(context.getDisplayName() + " passed, but the harness raised " + failing.size()
                + " warning(s) that mean records would be lost or never delivered in production:\n  "
                + String.join("\n  ", failing) + "\nFix the cause; or, for a test that provokes this on purpose, "
                + "allow it with @AllowWarnings(" + (failingKinds.size() == 1 ? kinds : "{" + kinds + "}")
                + ") on the test method, @KinesisStreamTest(allowWarnings = ...) on the class or "
                + "KinesisStreamExtension.builder().allowWarnings(...) (failOnWarnings = false allows every kind)."
                + "\n\n" + harness.describe(60));
    }
}
