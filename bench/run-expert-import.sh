#!/usr/bin/env bash
# Expert pool import benchmark: generates a 100,000-row .xlsx (bench/ExpertPoolFile.java: 200
# specialties, 14 centers), starts the packaged application with a capped heap (-Xmx512m by default)
# once per database (H2, then MariaDB), registers the 200 specialties, uploads the file as pool-admin,
# follows GET /api/experts/imports/{id} until it ends, and reports the import time and the heap the
# JVM used (sampled every 250 ms from /actuator/metrics). Written to bench/results/expert-import-<date>.txt.
#
# Usage: bash bench/run-expert-import.sh [h2] [mariadb]        (default: both)
# Knobs (environment): ROWS=100000 SPECIALTIES=200 HEAP=512m H2_PORT=18090 MARIADB_PORT_APP=18091 REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
ROWS="${ROWS:-100000}"
SPECIALTIES="${SPECIALTIES:-200}"
HEAP="${HEAP:-512m}"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RESULT_FILE="$RESULTS_DIR/expert-import-$STAMP.txt"
DBS=("$@")
[ ${#DBS[@]} -eq 0 ] && DBS=(h2 mariadb)

. bench/lib.sh
bench_init
bench_prepare_jar cn.hlj.remoteeval.expert.internal.ExpertImports

# The generator runs on the application's own POI.
mkdir -p "$WORK/lib"
unzip -q -j -o "$APP_JAR" 'BOOT-INF/lib/*.jar' -d "$WORK/lib"
FILE="$WORK/experts-$ROWS.xlsx"
t0="$(now_ms)"
java -Xmx256m -cp "$WORK/lib/*" bench/ExpertPoolFile.java "$FILE" "$ROWS" "$SPECIALTIES" >&2
log "generated $(du -h "$FILE" | cut -f1) in $(( ($(now_ms) - t0) / 1000 )) s"

declare -A R

heap_used_mb() {
  curl -s -u demo:demo "http://127.0.0.1:$1/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | sed -n 's/.*"value":\([0-9.E]*\).*/\1/p' | awk '{printf "%.0f", $1 / 1048576}'
}

run_db() {
  local db="$1" port env_args=() log_file id state t_start t_end peak=0 used body
  case "$db" in
    h2)
      port="$(free_port "${H2_PORT:-18090}")"
      mkdir -p "$WORK/h2-data"
      env_args=(REMOTE_EVAL_DATA_DIR="$WORK/h2-data" REMOTE_EVAL_DEMO_POOL=false)
      ;;
    mariadb)
      port="$(free_port "${MARIADB_PORT_APP:-18091}")"
      prepare_bench_database >/dev/null || return 1
      env_args=(SPRING_PROFILES_ACTIVE=mysql REMOTE_EVAL_DB_NAME=remote_eval_bench REMOTE_EVAL_DEMO_ACCOUNTS=true)
      ;;
  esac
  log_file="$RESULTS_DIR/app-expert-import-$db-$STAMP.log"
  JAVA_OPTS="-Xmx$HEAP" bench_start_app "$db" "$port" "$log_file" "${env_args[@]}" || return 1
  for code in $(java -cp "$WORK/lib/*" bench/ExpertPoolFile.java --specialties "$SPECIALTIES"); do
    curl -s -o /dev/null -u pool-admin:pool-admin -H 'Content-Type: application/json' \
      -d "{\"code\":\"$code\",\"name\":\"基准专业$code\"}" "http://127.0.0.1:$port/api/specialties"
  done
  t_start="$(now_ms)"
  R[$db.specialties]="$(curl -s -u pool-admin:pool-admin "http://127.0.0.1:$port/api/specialties" | grep -o '"code":"Z' | wc -l)"
  body="$(curl -s -u pool-admin:pool-admin -F "file=@$FILE" "http://127.0.0.1:$port/api/experts/import")"
  id="$(echo "$body" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')"
  [ -n "$id" ] || { log "$db: upload refused: $body"; return 1; }
  while :; do
    used="$(heap_used_mb "$port")"; [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak="$used"
    body="$(curl -s -u pool-admin:pool-admin "http://127.0.0.1:$port/api/experts/imports/$id")"
    state="$(echo "$body" | sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p')"
    [ "$state" != RUNNING ] && break
    sleep 0.25
  done
  t_end="$(now_ms)"
  # The summary line comes after the commit; the figures of pass 1 and pass 2 are in it.
  for _ in $(seq 1 600); do grep -q "Expert import $id" "$log_file" && break; sleep 0.1; done
  R[$db.durable]="$(awk -v ms="$(( $(now_ms) - t_start ))" 'BEGIN {printf "%.1f", ms / 1000}')"
  R[$db.passes]="$(grep -o "checked in [0-9]* ms, written in [0-9]* ms" "$log_file" | tail -1 \
    | awk '{printf "%.1f / %.1f", $3 / 1000, $7 / 1000}')"
  R[$db.state]="$state"
  R[$db.seconds]="$(awk -v ms="$(( t_end - t_start ))" 'BEGIN {printf "%.1f", ms / 1000}')"
  R[$db.peak]="$peak"
  R[$db.created]="$(echo "$body" | sed -n 's/.*"created":\([0-9]*\).*/\1/p')"
  R[$db.rows]="$(echo "$body" | sed -n 's/.*"rowsRead":\([0-9]*\).*/\1/p')"
  [ "$state" = SUCCEEDED ] || log "$db: $(echo "$body" | cut -c1-600)"
  R[$db.gc]="$(gc_seconds "$APP_PID")"
  log "$db: $state in ${R[$db.seconds]} s, heap used at most ${peak} MB of $HEAP"
  stop_app
}

for db in "${DBS[@]}"; do run_db "$db"; done

{
  echo "Expert pool import benchmark, $STAMP — $(machine_description)"
  echo "File: $ROWS rows, $SPECIALTIES specialties, 14 centers, .xlsx $(du -h "$FILE" | cut -f1); heap capped at -Xmx$HEAP"
  printf '%-40s' ""; for db in "${DBS[@]}"; do printf '%16s' "$db"; done; echo
  for metric in specialties rows state seconds durable passes created peak gc; do
    case "$metric" in
      seconds) label="upload to SUCCEEDED visible (s)" ;; durable) label="upload to commit returned (s)" ;; peak) label="heap used, sampled max (MB)" ;;
      gc) label="GC time, whole run (s)" ;; rows) label="rows read" ;; passes) label="pass 1 check / pass 2 write (s)" ;;
      specialties) label="benchmark specialties registered" ;; *) label="$metric" ;;
    esac
    printf '%-40s' "$label"; for db in "${DBS[@]}"; do printf '%16s' "${R[$db.$metric]:-?}"; done; echo
  done
} | tee "$RESULT_FILE"
