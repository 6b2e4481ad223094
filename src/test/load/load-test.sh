#!/usr/bin/env bash
# Load test: starts the packaged jar on the loopback interface with a fresh data directory and the container's
# memory settings, runs src/test/load/load_client.py against it, stops it, and exits non-zero on any 5xx,
# connection error or resident memory that keeps growing after the warm-up.
#
#   ./mvnw -q -DskipTests package
#   src/test/load/load-test.sh                      # 5 minutes of mixed load, then the summary
#   src/test/load/load-test.sh --duration 30        # a smoke run (CI)
#   src/test/load/load-test.sh --latency            # single-row prediction latency idle vs while a job trains
#
# Options: --duration SECONDS (300), --max-requests N (200000), --jar PATH (target/backprop-*.jar),
#          --keep (keep the work directory with the service log and samples.json),
#          --no-omp-env (start without OMP_NUM_THREADS/OMP_WAIT_POLICY, to see what the in-process cap does alone),
#          -- ARGS (passed to the service, e.g. -- --backprop.training.threads-per-job=2).
# Bounded: the client stops after --duration seconds or --max-requests requests; the service is stopped afterwards
# (SIGTERM, then SIGKILL after 60 s). It only talks to 127.0.0.1.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration=300
max_requests=200000
mode=load
keep=false
omp_env=true
jar=""
client_args=()
server_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --max-requests) max_requests="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --latency) mode=latency; shift ;;
    --keep) keep=true; shift ;;
    --no-omp-env) omp_env=false; shift ;;
    --no-memory-verdict|--clients|--think|--probe-requests|--sample-every|--rss-growth-limit)
      if [[ "$1" == --no-memory-verdict ]]; then client_args+=("$1"); shift; else client_args+=("$1" "$2"); shift 2; fi ;;
    --) shift; server_args+=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$jar" ]]; then
  jar="$(ls "$root"/target/backprop-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)"
fi
[[ -f "$jar" ]] || { echo "no jar: run ./mvnw -DskipTests package first (or pass --jar)" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

work="$(mktemp -d "${TMPDIR:-/tmp}/backprop-load.XXXXXX")"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
key="$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40)))')"
max_queued=5

env_prefix=(env)
if $omp_env; then
  env_prefix+=(OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE)
else
  env_prefix+=(-u OMP_NUM_THREADS -u OMP_WAIT_POLICY)
fi
# The Dockerfile's JavaCPP limits; a fixed 1 GiB heap stands in for its MaxRAMPercentage=50.
(cd "$work" && exec "${env_prefix[@]}" java -Xmx1g -XX:+ExitOnOutOfMemoryError \
    -Dorg.bytedeco.javacpp.maxbytes=1G -Dorg.bytedeco.javacpp.maxphysicalbytes=3G \
    -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
    --backprop.security.bootstrap-admin-key="$key" --backprop.training.max-queued="$max_queued" \
    "${server_args[@]}" > "$work/service.log" 2>&1) &
pid=$!

stop_service() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  if $keep; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap stop_service EXIT

echo "service: pid $pid, http://127.0.0.1:$port, work directory $work"
ready=false
for _ in $(seq 180); do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the service exited during start-up:" >&2; tail -30 "$work/service.log" >&2; exit 1; fi
  if curl -fsS -o /dev/null -H "X-API-Key: $key" "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; then
    ready=true; break
  fi
  sleep 1
done
$ready || { echo "the service did not become ready in 180 s" >&2; tail -30 "$work/service.log" >&2; exit 1; }
grep -m1 "Training workers started" "$work/service.log" || true

status=0
python3 "$here/load_client.py" "$mode" --base "http://127.0.0.1:$port" --key "$key" --pid "$pid" \
    --duration "$duration" --max-requests "$max_requests" --max-queued "$max_queued" \
    --samples-file "$work/samples.json" "${client_args[@]}" || status=$?

errors="$(grep -c ' ERROR ' "$work/service.log" || true)"
echo "service log: $errors ERROR lines"
if [[ "$errors" -gt 0 ]]; then grep -m5 -A3 ' ERROR ' "$work/service.log"; fi
exit "$status"
