#!/usr/bin/env bash
# Crash test of the packaged service: SIGKILL at several points while uploads, training jobs and predictions run,
# restart, check that nothing acknowledged was lost and nothing half-written shows (see crash_test.py for the list).
# Needs the jar (./mvnw package or verify first), java and python3 (standard library only). CRASH_SEED=n repeats
# a run's random delays. Bounded to about three minutes (CRASH_TIMEOUT=seconds to allow more on a loaded
# machine, with --budget=seconds for the kill points and --settle=seconds for the jobs to end); never leaves a
# server running.
set -euo pipefail
cd "$(dirname "$0")/../../.."

jar=$(ls target/backprop-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [[ -z "$jar" ]]; then
  echo "crash-test: no target/backprop-*.jar; run ./mvnw package -DskipTests first" >&2
  exit 2
fi
workdir=$(mktemp -d "${TMPDIR:-/tmp}/backprop-crash.XXXXXX")

cleanup() {
  status=$?
  if [[ -f "$workdir/server.pid" ]]; then
    kill -9 "$(cat "$workdir/server.pid")" 2>/dev/null || true
  fi
  if [[ $status -ne 0 ]]; then
    echo "crash-test: failed; the last server log ends with:" >&2
    last=$(ls -t "$workdir"/server-*.log 2>/dev/null | head -n 1 || true)
    [[ -n "$last" ]] && tail -n 40 "$last" >&2
  fi
  rm -rf "$workdir"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

timeout --signal=KILL "${CRASH_TIMEOUT:-240}" python3 src/test/crash/crash_test.py --jar "$PWD/$jar" --workdir "$workdir" \
  --titanic src/test/resources/data/titanic/train.csv "$@"
