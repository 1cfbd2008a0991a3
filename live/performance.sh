#!/usr/bin/env bash
# Measures the same poison-pill scenario in-process and against kinesis-mock and rewrites the marked live section
# of docs/performance.md (the rest of that file comes from benchmarks/run.sh). Usage: live/performance.sh [-o]
set -euo pipefail
exec "$(dirname "$0")/../.ci/live.sh" --performance "$@"
