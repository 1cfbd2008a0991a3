#!/usr/bin/env bash
# Runs the live tests and the parity check of streamharness-live against a real Kinesis API: kinesis-mock
# (npm kinesis-local 0.6.2), installed into a cache folder, started on a free port, stopped by its process id on exit.
# Usage: .ci/live.sh [extra Maven arguments, e.g. -o]
# Needs Node.js (node, npm), Java 17 and Maven. The ordinary build (mvn -B verify) skips these tests.
set -euo pipefail
cd "$(dirname "$0")/.."

KINESIS_LOCAL_VERSION=0.6.2
CACHE="${STREAMHARNESS_CACHE:-$HOME/.cache/streamharness}/kinesis-local"
PKG="$CACHE/node_modules/kinesis-local"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "live.sh: Node.js is missing: install node and npm (Node 18 or later, e.g. 'apt-get install nodejs npm'" \
       "or https://nodejs.org), then run .ci/live.sh again" >&2
  exit 2
fi

if [ ! -f "$PKG/main.js" ] || ! grep -q "\"version\" *: *\"$KINESIS_LOCAL_VERSION\"" "$PKG/package.json"; then
  echo "== installing kinesis-local $KINESIS_LOCAL_VERSION into $CACHE"
  mkdir -p "$CACHE"
  npm install --silent --no-audit --no-fund --prefix "$CACHE" "kinesis-local@$KINESIS_LOCAL_VERSION"
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
PORT=$(free_port)
TLS_PORT=$(free_port)
LOG="live/target/kinesis-mock.log"
mkdir -p live/target

echo "== starting kinesis-mock on 127.0.0.1:$PORT"
started=$(date +%s)
# main.js reads server.json (its TLS certificate) from the working directory: start it from its own package folder
(cd "$PKG" && exec env KINESIS_MOCK_PLAIN_PORT="$PORT" KINESIS_MOCK_TLS_PORT="$TLS_PORT" LOG_LEVEL=WARN \
    node main.js) > "$LOG" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "live.sh: kinesis-mock exited, see $LOG" >&2; cat "$LOG" >&2; exit 1; fi
  sleep 0.1
done
echo "   up after $(( $(date +%s) - started )) s"

echo "== live tests and parity check"
# local dummy credentials for the mock only (the SDK's default chain reads them from the environment)
AWS_ACCESS_KEY_ID=streamharness-local AWS_SECRET_ACCESS_KEY=streamharness-local AWS_REGION=us-east-1 \
mvn -B "$@" -pl live -am verify \
    -Dtest='io/github/streamharness/live/**' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dstreamharness.kinesis.endpoint="http://127.0.0.1:$PORT" \
    -Dstreamharness.live.timeScale=10 -Dstreamharness.live.timeoutSeconds=120
echo "== live.sh done in $(( $(date +%s) - started )) s"
