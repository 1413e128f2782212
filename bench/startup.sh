#!/usr/bin/env bash
# Startup benchmark: time from launching `bin/argus start` to the first 200 from /health, with the
# embedded database already initialised. Baseline measured in the same run: `bin/argus migrate`
# (JVM start + embedded PostgreSQL start + Flyway check + stop), i.e. the part that is the database's.
# Usage: bench/startup.sh [runs]   (builds nothing; run ./mvnw -DskipTests package first)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ARGUS="$ROOT/distribution/target/argus/bin/argus"
RUNS="${1:-5}"
WORK="$(mktemp -d)"
trap 'pkill -TERM -f "ArgusCli start --port $PORT" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=$(( 20000 + RANDOM % 20000 ))
cd "$WORK"

now_ms() { date +%s%3N; }

"$ARGUS" migrate >/dev/null 2>&1   # initialise the data directory once

baseline=()
for _ in $(seq "$RUNS"); do
  t0=$(now_ms); "$ARGUS" migrate >/dev/null 2>&1; baseline+=($(( $(now_ms) - t0 )))
done

startup=()
for _ in $(seq "$RUNS"); do
  t0=$(now_ms)
  "$ARGUS" start --port "$PORT" >"$WORK/server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 0.02; done
  startup+=($(( $(now_ms) - t0 )))
  kill -TERM "$pid"; wait "$pid" || true
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "${baseline[@]}"); s=$(median "${startup[@]}")
echo "runs: $RUNS"
echo "baseline (argus migrate: JVM + embedded PostgreSQL start/stop), median ms: $b   all: ${baseline[*]}"
echo "startup to first 200 from /health, median ms:                         $s   all: ${startup[*]}"
awk -v s="$s" -v b="$b" 'BEGIN { printf "ratio startup/baseline: %.2f\n", s / b }'
