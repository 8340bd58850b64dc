#!/usr/bin/env bash
# Monthly report export benchmark (issue 7), since issue 17 a test tagged "benchmark" (ReportExportBench):
# the real MonthlyReportService.writeWorkbook, with its timer remote_eval.report_export, for a month with
# a detail sheet of a province-year, 1,000,000 tenders across the 14 centers generated one at a time,
# in a test JVM capped at -Xmx256m (without the application around it: a year of tenders cannot be
# registered through the API for a benchmark). Reports the export time, the heap used (sampled every
# 20 ms, and the sum of the heap pools' peaks) and the GC time, also written to
# bench/results/report-export-<date>.txt.
#
# Usage: bash bench/run-report-export.sh
# Knobs (environment): ROWS=1000000 HEAP=256m RUNS=2
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"

. bench/lib.sh
bench_init

out="$RESULTS_DIR/report-export-$STAMP.log"
log "./mvnw verify -Dgroups=benchmark -Dit.test=ReportExportBench (log: ${out#"$ROOT"/})"
./mvnw -B -o verify -Dexec.skip=true -Dit.mariadb.skip=true -Dgroups=benchmark -Dtest=NoSuchUnitTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReportExportBench -Dbench.report.rows="${ROWS:-1000000}" \
  -Dbench.report.runs="${RUNS:-2}" -Dbench.argLine="-Xmx${HEAP:-256m}" >"$out" 2>&1 || log "the benchmark failed (see the log)"
{ echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?'); machine: $(machine_description); load average before: $LOAD_BEFORE"
  grep -E '^(report export benchmark|run [0-9]+:|timer )' "$out"; } | tee "$RESULTS_DIR/report-export-$STAMP.txt"
