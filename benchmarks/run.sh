#!/usr/bin/env bash
# Runs every benchmark of the harness and rewrites docs/performance.md from the figures (about 4 minutes on
# 2 cores, the demo's 45-minute incident included). Usage: benchmarks/run.sh   (from anywhere; needs Java 17 and Maven, no network beyond the pinned deps)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benchmarks/target/bench
started=$(date +%s)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

echo "== build (compile only, no tests)"
mvn -B -q -pl benchmarks -am process-classes -DskipTests
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
# the demo's classpath, resolved in the reactor (this worktree's classes, not an installed jar)
mvn -B -q -pl examples -am process-classes dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/benchmarks/target/examples-classpath.txt"
DEMO_CP="examples/target/classes:$(cat benchmarks/target/examples-classpath.txt)"
rm -rf "$OUT" && mkdir -p "$OUT"

OVERHEAD_ROUNDS=${OVERHEAD_ROUNDS:-3} # one JMH run of both paths per round: on a shared host one round's ratio moves
# by 0.3, so the report takes the round with the median ratio and lists every round
echo "== 1. overhead against the limit (JMH), $OVERHEAD_ROUNDS rounds of both paths"
: > "$OUT/jmh.txt"
for round in $(seq 1 "$OVERHEAD_ROUNDS"); do
  java -cp "$CP" org.openjdk.jmh.Main OverheadBenchmark -prof gc -rf json -rff "$OUT/jmh-round$round.json" \
      | tee -a "$OUT/jmh.txt" | grep -E '^OverheadBenchmark\.(direct|harness) '
done
echo "== 1b. where the harness's time goes (JMH stack profiler)"
java -cp "$CP" org.openjdk.jmh.Main 'OverheadBenchmark.harness' -wi 2 -i 3 -prof 'stack:lines=2;top=12' \
    -rf json -rff "$OUT/jmh-stack.json" > "$OUT/jmh-stack-full.txt"
awk '/\[Thread state: RUNNABLE\]/{on=1; next} /\[Thread state: /{on=0} on' "$OUT/jmh-stack-full.txt" \
    | sed '/^[[:space:]]*$/N;/^\s*\n$/D' > "$OUT/jmh-stack.txt"

INCIDENT_RUNS=${INCIDENT_RUNS:-3} # fresh JVMs per configuration: one run varies by 10% or more; the report takes the median
echo "== 2. incident scale (-Xmx512m), the same traffic with ParallelizationFactor 1 (10 lanes) and 10 (100 lanes)," \
     "$INCIDENT_RUNS runs each, alternating"
for run in $(seq 1 "$INCIDENT_RUNS"); do
  for pf in 1 10; do
    java -Xmx512m -cp "$CP" io.github.streamharness.benchmarks.IncidentScale \
        "$OUT/incident-pf$pf-run$run.properties" "$pf" | grep -E '^(speedup|cpuSpeedup) '
  done
done

echo "== 2b. where the time goes: the incident at PF 10 for 10 virtual minutes under JFR (a run of its own)"
java -Xmx512m -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
    -XX:StartFlightRecording=filename="$OUT/incident-pf10.jfr",settings=benchmarks/execution-samples.jfc \
    -cp "$CP" io.github.streamharness.benchmarks.IncidentScale "$OUT/incident-profiled.properties" 10 10 >/dev/null
java -cp "$CP" io.github.streamharness.benchmarks.WhereTimeGoes "$OUT/incident-pf10.jfr" "$OUT/where.properties" \
    >/dev/null

DEMO_MINUTES=${DEMO_MINUTES:-45} # the incident's 45 minutes; a shorter run is reported as such
echo "== 2c. the demo's incident ($DEMO_MINUTES min), both configurations, one per thread (the demo's own code path)"
java -Xmx1g -cp "$DEMO_CP" io.github.streamharness.examples.demo.Demo "$OUT/demo" "$DEMO_MINUTES" 10000 1 100 \
    | tee "$OUT/demo.txt" | grep -E "ran twice|Everything above"

echo "== 3. per-test cost"
java -cp "$CP" io.github.streamharness.benchmarks.PerTestCost "$OUT/pertest.properties"

echo "== 4. scaling, idle lanes"
java -Xmx2g -cp "$CP" io.github.streamharness.benchmarks.Scaling "$OUT/scaling.properties"
java -Xmx2g -cp "$CP" io.github.streamharness.benchmarks.IdleLanes "$OUT/idle.properties" >/dev/null

finished=$(date +%s)
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M')"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || uname -m)"
  echo "cores=$(nproc)"
  echo "memory=$(free -g 2>/dev/null | awk '/Mem:/{print $2 " GB RAM"}')"
  echo "load=$load"
  echo "loadEnd=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  echo "jdk=$(java -version 2>&1 | sed -n 2p)"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet -- junit-extension benchmarks || echo ' (with uncommitted changes)')"
  echo "duration=$(( (finished - started) / 60 )) min $(( (finished - started) % 60 )) s"
} > "$OUT/env.properties"

java -cp "$CP" io.github.streamharness.benchmarks.ReportWriter "$OUT" docs/performance.md
echo "== done in $(( finished - started )) s: docs/performance.md"
