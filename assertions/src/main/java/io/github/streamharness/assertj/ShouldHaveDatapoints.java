package io.github.streamharness.assertj;

import io.github.streamharness.Datapoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Messages of the metric assertions: they show the datapoints that broke them, and all of them. */
final class ShouldHaveDatapoints extends StreamErrorMessageFactory {
    private static final int SHOWN = 12;

    private ShouldHaveDatapoints(Parts parts) {
        super(parts, "");
    }

    /** allBelow / allAtMost / allAtLeast: the datapoints outside the bound. */
    static ShouldHaveDatapoints shouldAllBe(MetricDatapoints actual, String bound, List<Datapoint> offending) {
        Parts p = new Parts().text("Expecting every datapoint of ").plain(actual.toString())
                .text("%nto be " + bound + "%nbut " + offending.size() + " of " + actual.datapoints().size()
                        + " were not:%n").plain(lines(offending));
        if (offending.size() < actual.datapoints().size()) {
            p.text("%nall datapoints:%n").plain(lines(actual.datapoints()));
        }
        return new ShouldHaveDatapoints(p);
    }

    /** anyAtLeast: none reached the bound. */
    static ShouldHaveDatapoints shouldHaveOne(MetricDatapoints actual, String bound) {
        return new ShouldHaveDatapoints(new Parts().text("Expecting some datapoint of ").plain(actual.toString())
                .text("%nto be " + bound + "%nbut none was; datapoints:%n").plain(lines(actual.datapoints())));
    }

    /** hasNoDatapoints / hasTotal. */
    static ShouldHaveDatapoints shouldHaveTotal(MetricView metric, String expectation, List<Datapoint> perMinute) {
        return new ShouldHaveDatapoints(new Parts().text("Expecting ").plain(metric.toString()).text(" ")
                .plain(expectation).text("%nbut its 1m sums were:%n").plain(lines(perMinute)));
    }

    static String lines(List<Datapoint> datapoints) {
        if (datapoints.isEmpty()) {
            return "  (no datapoint: no period had data)";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < datapoints.size(); i++) {
            if (datapoints.size() > 2 * SHOWN && i == SHOWN) {
                out.add("... " + (datapoints.size() - 2 * SHOWN) + " more ...");
                i = datapoints.size() - SHOWN;
            }
            Datapoint d = datapoints.get(i);
            out.add(d.timestamp() + "  " + number(d.value()));
        }
        return indented(out);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : String.valueOf(v);
    }

    /** {@code 5m}, {@code 1h}, {@code 30s}. */
    static String period(Duration d) {
        long s = d.getSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
