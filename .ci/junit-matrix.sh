#!/usr/bin/env bash
# JUnit-version matrix (issue 12): builds the extension and the assertions once, then runs their tests, without
# recompiling anything, on every supported JUnit: only the test runtime's JUnit changes (-Djunit.version), so each
# cell checks binary compatibility as a user's build would exercise it. Then runs the whole suite on Java 25 when a
# Temurin 25 is installed under /usr/lib/jvm. Prints one line per cell; exits non-zero if any cell failed.
#   .ci/junit-matrix.sh            all cells
#   MATRIX_OFFLINE=-o .ci/junit-matrix.sh   the same, without touching the network (dependencies already fetched)
#   MATRIX_ONLY="6.0.3 6.1.3" MATRIX_NO_JAVA25=1 .ci/junit-matrix.sh   some cells only
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p "$(dirname "$0")/../target"
MVN="mvn -B ${MATRIX_OFFLINE:-} -q"
MODULES=junit-extension,assertions
# jupiter version and its platform version
CELLS=("5.10.5 1.10.5" "5.13.4 1.13.4" "5.14.4 1.14.4" "6.0.3 6.0.3" "6.1.3 6.1.3")
status=0

echo "== build once (main code compiled against junit-jupiter-api 5.10.5, tests against the default JUnit)"
start=$SECONDS
if ! $MVN -pl "$MODULES" -am test-compile; then
  echo "matrix: build FAILED"; exit 1
fi
echo "matrix: built in $((SECONDS - start)) s"

summary() { # totals of the surefire reports of the modules, and "failed" when any test failed
  python3 - "$@" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
t = f = e = s = 0
for m in sys.argv[1].split(","):
    for p in glob.glob(m + "/target/surefire-reports/TEST-*.xml"):
        r = ET.parse(p).getroot()
        t += int(r.get("tests")); f += int(r.get("failures")); e += int(r.get("errors")); s += int(r.get("skipped"))
print(f"{t} tests, {f} failures, {e} errors, {s} skipped" + ("" if t and not f and not e else " (failed)"))
PY
}

for cell in "${CELLS[@]}"; do
  read -r jupiter platform <<<"$cell"
  if [ -n "${MATRIX_ONLY:-}" ] && [[ " $MATRIX_ONLY " != *" $jupiter "* ]]; then continue; fi
  rm -rf junit-extension/target/surefire-reports assertions/target/surefire-reports
  start=$SECONDS
  # maven.main.skip keeps the built classes; without incremental compilation the unchanged tests are not
  # recompiled either (the compiler would otherwise rebuild them because their classpath changed). Test failures
  # do not stop the build, so the assertions' tests run even when one of the extension's fails.
  if $MVN -pl "$MODULES" test -Dmaven.main.skip=true -Dmaven.compiler.useIncrementalCompilation=false \
      -Dmaven.test.failure.ignore=true -Djunit.version="$jupiter" -Djunit.platform.version="$platform" \
      >"target/matrix-$jupiter.log" 2>&1; then
    result=ok
  else
    result=FAILED
  fi
  counts=$(summary "$MODULES")
  case "$counts" in *"(failed)"*) result=FAILED ;; esac
  [ "$result" = ok ] || status=1
  echo "matrix: JUnit $jupiter (platform $platform): $result, $counts, $((SECONDS - start)) s"
  [ "$result" = ok ] && rm -f "target/matrix-$jupiter.log" || echo "  log: target/matrix-$jupiter.log"
done

jdk25=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
if [ -n "${MATRIX_NO_JAVA25:-}" ]; then
  echo "matrix: Java 25 skipped (MATRIX_NO_JAVA25)"
elif [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  start=$SECONDS
  if JAVA_HOME="$jdk25" $MVN verify >target/matrix-java25.log 2>&1; then result=ok; else result=FAILED; status=1; fi
  echo "matrix: Java 25 ($jdk25), whole suite: $result, $(summary junit-extension,assertions,examples), $((SECONDS - start)) s"
  [ "$result" = ok ] && rm -f target/matrix-java25.log || echo "  log: target/matrix-java25.log"
else
  echo "matrix: Java 25 skipped: no Temurin 25 under /usr/lib/jvm"
fi
exit $status
