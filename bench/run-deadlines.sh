#!/usr/bin/env bash
# Deadline benchmark (issue 6), since issue 17 a test tagged "benchmark" (DeadlineLoadBench) in the
# application's own Spring context with the real clustered Quartz job store: 10,000 open deadlines (a
# year of tenders, each opened in its own transaction with its two Quartz triggers), then 1,000 breaches
# due within one minute, the delay after each trigger's time, and the production timers
# remote_eval.deadline_fire and remote_eval.deadline_fire.lateness. H2 in memory, or MariaDB in the
# database remote_eval_deadline_bench (dropped and recreated; never the test suite's remote_eval_test).
# Prints the figures, also written to bench/results/deadlines-<db>-<date>.txt.
#
# Usage: bash bench/run-deadlines.sh [h2] [mariadb]        (default: both)
# Knobs (environment): COUNT=10000 THREADS=8 BURST=1000 LEAD=30 (s until the burst minute)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
DBS=("$@")
[ ${#DBS[@]} -eq 0 ] && DBS=(h2 mariadb)

. bench/lib.sh
bench_init

knobs=(-Dbench.deadlines.count="${COUNT:-10000}" -Dbench.deadlines.threads="${THREADS:-8}"
       -Dbench.deadlines.burst="${BURST:-1000}" -Dbench.deadlines.lead="${LEAD:-30}")
for db in "${DBS[@]}"; do
  case "$db" in
    h2) dbargs=(-Dit.mariadb.skip=true) ;;
    mariadb)
      prepare_bench_database remote_eval_deadline_bench >/dev/null || exit 1
      # The pom has no switch for the H2 execution alone, so this runs the H2 one first and then MariaDB;
      # both sets of figures are in the log, the MariaDB ones last.
      dbargs=(-Dit.mariadb.db=remote_eval_deadline_bench) ;;
    *) log "unknown database '$db' (h2 | mariadb)"; exit 1 ;;
  esac
  out="$RESULTS_DIR/deadlines-$db-$STAMP.log"
  log "$db: ./mvnw verify -Dgroups=benchmark -Dit.test=DeadlineLoadBench (log: ${out#"$ROOT"/})"
  ./mvnw -B -o verify -Dexec.skip=true -Dgroups=benchmark -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=DeadlineLoadBench "${dbargs[@]}" "${knobs[@]}" >"$out" 2>&1 || log "$db: the benchmark failed (see the log)"
  { echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?'); machine: $(machine_description); load average before: $LOAD_BEFORE"
    grep -E '^(deadline benchmark|database:|opened|heap used|burst:|firing delay|server timers)' "$out"; } \
    | tee "$RESULTS_DIR/deadlines-$db-$STAMP.txt"
done
