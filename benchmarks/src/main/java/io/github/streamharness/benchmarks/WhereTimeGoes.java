package io.github.streamharness.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "where the time goes" table: reads a JFR recording of a benchmark's run (execution samples of its thread) and
 * counts each sample for the innermost stage of the harness on its stack, from the leaf down, so a sample in
 * {@code String.<init>} called by the event factory counts as event building. The shard's storage
 * ({@code internal.stream}) counts for the stage that reads it: a sequence number formatted for the event counts as
 * event building, and only what runs under the harness's or the stream's {@code put}/{@code putAll} counts as put. Usage: {@code WhereTimeGoes
 * recording.jfr out.properties}; run.sh records the incident at PF 10 with {@code -XX:StartFlightRecording}.
 */
public final class WhereTimeGoes {
    private static final String PUT = "put: checks, key hash, routing, record storage";
    /** The harness's and the stream's put methods ({@code put}, {@code putAll}): what runs under them is put. */
    private static final List<String> PUT_ENTRIES = List.of("internal.stream.StreamLog.put",
            "internal.assembly.HarnessAssembly.put");
    /** Each stage and the classes whose frames belong to it, in report order (first match from the leaf wins). */
    static final Map<String, List<String>> STAGES = stages();

    private WhereTimeGoes() {
    }

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("handler (user code)", List.of("benchmarks.CheapHandler", "benchmarks.NoOpHandler"));
        m.put("event building (KinesisEvent objects, sequence numbers, data copies)",
                List.of("internal.event.", "invoke.EventCodec", "StreamRecord.sequenceNumber",
                        "StreamRecord.formatSequenceNumber", "StreamRecord.dataBytes"));
        m.put(PUT, List.of("internal.stream.", "StreamRecord.<init>"));
        m.put("lanes: routing a record to its lane, queueing", List.of("MappingEngine.recordWritten",
                "MappingEngine.accept", "MappingEngine.laneOf", "Lane.enqueue", "mapping.IntQueue"));
        m.put("invocation log, timeline, function logs and metrics", List.of("InvocationLog", "internal.observe.",
                "TimelineEntry", "Invocation.<init>", "LaneContext.timeline", "MappingEvents", "LogEvent",
                "FunctionLogs", "Metrics"));
        m.put("invoker: context, environments, fault plan, response", List.of("internal.invoke.",
                "TestLambdaContext", "internal.outcome.", "FaultPlan"));
        m.put("batching, failure policy, ledger, checkpoints, DLQ", List.of("internal.batch.", "internal.policy.",
                "internal.mapping.", "DeadLetter"));
        m.put("scheduler", List.of("internal.time."));
        m.put("traffic producer (benchmark)", List.of("benchmarks.ChunkedProducer", "benchmarks.Workload"));
        return m;
    }

    /** Reads {@code args[0]} (a .jfr file) and writes each stage's share of the samples to {@code args[1]}. */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STAGES.keySet().forEach(k -> counts.put(k, 0));
        counts.put("other (JVM, JDK)", 0);
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
                    || !onBenchmarkThread(e)) {
                continue;
            }
            total++;
            counts.merge(stageOf(e.getStackTrace().getFrames()), 1, Integer::sum);
        }
        Results r = new Results().put("samples", total);
        int i = 0;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            r.put("stage." + i + ".name", c.getKey()).put("stage." + i + ".percent",
                    total == 0 ? 0 : 100.0 * c.getValue() / total);
            i++;
        }
        r.put("stages", i).write(Path.of(args[1]));
    }

    private static boolean onBenchmarkThread(RecordedEvent e) {
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            if (f.getMethod().getType().getName().equals(IncidentScale.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String stageOf(List<RecordedFrame> frames) {
        boolean inStorage = false;
        for (RecordedFrame f : frames) { // leaf first
            String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            if (PUT_ENTRIES.stream().anyMatch(name::contains)) {
                return PUT;
            }
            String stage = match(name);
            if (stage == null) {
                continue;
            }
            if (stage.equals(PUT)) {
                // the shard's storage, read by a caller (the event factory reading sequence numbers and data, a
                // lane cutting a batch): it counts for that caller's stage, and for put only under StreamLog.put
                inStorage = true;
                continue;
            }
            return stage;
        }
        return inStorage ? PUT : "other (JVM, JDK)";
    }

    private static String match(String name) {
        for (Map.Entry<String, List<String>> s : STAGES.entrySet()) {
            for (String pattern : s.getValue()) {
                if (name.contains(pattern)) {
                    return s.getKey();
                }
            }
        }
        return null;
    }
}
