#!/usr/bin/env bash
# Monthly report export benchmark (issue 7): the workbook of a month with a detail sheet of a
# province-year, 1,000,000 tenders across the 14 centers, written with SXSSF by the application itself
# started with a capped heap (-Xmx256m by default). The rows come from a bench-only detail source that
# generates them one at a time (ReportExportBenchmarkController, bench profile); the workbook goes to a
# stream that counts the bytes. Reports the export time, the heap used (sampled every 20 ms inside the
# JVM, and the sum of the heap pools' peaks) and the GC time. H2 only: the detail rows do not come from
# the database, and the figures of the province sheet are a few queries.
# Written to bench/results/report-export-<date>.txt.
#
# Usage: bash bench/run-report-export.sh
# Knobs (environment): ROWS=1000000 HEAP=256m RUNS=2 H2_PORT=18095 REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
ROWS="${ROWS:-1000000}"
HEAP="${HEAP:-256m}"
RUNS="${RUNS:-2}"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RESULT_FILE="$RESULTS_DIR/report-export-$STAMP.txt"

. bench/lib.sh
bench_init
bench_prepare_jar cn.hlj.remoteeval.reporting.internal.ReportExportBenchmarkController

json() { echo "$2" | grep -oE "\"$1\":\"?[^,\"}]*" | head -1 | sed -E 's/^"[^"]+":"?//'; }

port="$(free_port "${H2_PORT:-18095}")"
mkdir -p "$WORK/h2-data"
log_file="$RESULTS_DIR/app-report-export-$STAMP.log"
JAVA_OPTS="-Xmx$HEAP" bench_start_app H2 "$port" "$log_file" SPRING_PROFILES_ACTIVE=bench REMOTE_EVAL_DATA_DIR="$WORK/h2-data" \
  REMOTE_EVAL_DEMO_DIRECTORY=false REMOTE_EVAL_DEMO_POOL=false REMOTE_EVAL_SMS_DISPATCH_ENABLED=false
declare -a BODIES
for run in $(seq 1 "$RUNS"); do
  log "run $run: exporting $ROWS detail rows with -Xmx$HEAP"
  t0="$(now_ms)"
  body="$(curl -s -f -u demo:demo -X POST "http://127.0.0.1:$port/api/bench/reports/export?rows=$ROWS")" \
    || { log "the export failed; last log lines:"; tail -30 "$log_file" >&2; exit 1; }
  log "run $run: $body (HTTP round trip $(( $(now_ms) - t0 )) ms)"
  BODIES+=("$body")
done
rss="$(rss_mb "$APP_PID")"
gc_total="$(gc_seconds "$APP_PID")"
stop_app
oom="$(grep -c OutOfMemoryError "$log_file" || true)"

{
  echo "Monthly report export benchmark, $STAMP — $(machine_description)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?'); jar built $JAR_BUILT; load average before: $LOAD_BEFORE"
  echo "$ROWS detail rows (a year, 14 centers) + province sheet + 14 center sheets; application on H2 with -Xmx$HEAP; SXSSF window 100, uncompressed temp files"
  printf '%-52s' "metric"; for run in $(seq 1 "$RUNS"); do printf '%14s' "run $run"; done; echo
  for k in rows seconds rowsPerSecond bytes heapMaxMb heapUsedBeforeMb heapUsedSampledMaxMb heapPoolPeaksSumMb gcMillis; do
    case "$k" in
      seconds) label="EXPORT TIME (s), target < 30" ;; heapUsedSampledMaxMb) label="HEAP USED, sampled max (MB), target < 256" ;;
      heapPoolPeaksSumMb) label="  sum of heap pool peaks, upper bound (MB)" ;; heapUsedBeforeMb) label="  heap used before, after System.gc() (MB)" ;;
      heapMaxMb) label="  heap limit (MB)" ;; bytes) label="  workbook size (bytes)" ;; gcMillis) label="  GC time during the export (ms)" ;;
      *) label="$k" ;;
    esac
    printf '%-52s' "$label"; for body in "${BODIES[@]}"; do printf '%14s' "$(json "$k" "$body")"; done; echo
  done
  echo "RSS at the end (MB): $rss; GC time over the whole process (s): $gc_total; OutOfMemoryError in the log: $oom"
} | tee "$RESULT_FILE"
log "written to ${RESULT_FILE#"$ROOT"/}"
