#!/usr/bin/env bash
# Deadline benchmark (issue 6): 10,000 open deadlines, a year of tenders with a main venue and two
# sub-venues (two sub-venue hand-overs and one hand-over to the tenderer each, evaluations spread
# over the coming 365 days), each opened in its own transaction with its two Quartz triggers; then
# 1,000 breaches due within one minute, and the delay between each trigger's time and its firing.
# For each database (H2 file, then MariaDB) it starts the packaged application under the "bench"
# profile (DeadlineBenchmarkController), uploads a placeholder 2027 schedule (weekends and 1 January
# only: the official 2027 notice is not published yet, and the year's span reaches into 2027),
# measures, and prints a summary also written to bench/results/deadlines-<date>.txt.
#
# Usage: bash bench/run-deadlines.sh [h2] [mariadb]        (default: both; about 3 minutes each)
# Knobs (environment): COUNT=10000 THREADS=8 (opening threads) BURST=1000 LEAD=30 (s until the burst minute)
#                      H2_PORT=18080 MARIADB_PORT_APP=18081 JAVA_OPTS="" REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
COUNT="${COUNT:-10000}"
THREADS="${THREADS:-8}"
BURST="${BURST:-1000}"
LEAD="${LEAD:-30}"
JAVA_OPTS="${JAVA_OPTS:-}"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RESULT_FILE="$RESULTS_DIR/deadlines-$STAMP.txt"
DBS=("$@")
[ ${#DBS[@]} -eq 0 ] && DBS=(h2 mariadb)

. bench/lib.sh
bench_init
bench_prepare_jar cn.hlj.remoteeval.deadline.internal.DeadlineBenchmarkController

declare -A R

# json <field> <json>: a number or string field of a flat JSON object.
json() { echo "$2" | grep -oE "\"$1\":\"?[^,\"}]*" | head -1 | sed -E 's/^"[^"]+":"?//'; }

heap_used_mb() {
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -m1 -oE 'heap +total [0-9]+K, used [0-9]+K' | grep -oE 'used [0-9]+' \
    | awk '{printf "%.0f", $2 / 1024}'
}

run_db() {
  local db="$1" port label env_args=() log_file admin="" base body burst result
  # No SMS leaves the benchmark (the mysql profile would send through the provider otherwise).
  local common=(REMOTE_EVAL_DEMO_DIRECTORY=false REMOTE_EVAL_DEMO_POOL=false REMOTE_EVAL_SMS_GATEWAY=file
                REMOTE_EVAL_SMS_FILE="$WORK/sms/sent.jsonl" REMOTE_EVAL_SMS_DISPATCH_ENABLED=false)
  case "$db" in
    h2)
      label=H2
      port="$(free_port "${H2_PORT:-18080}")"
      mkdir -p "$WORK/h2-data"
      env_args=(SPRING_PROFILES_ACTIVE=bench REMOTE_EVAL_DATA_DIR="$WORK/h2-data" "${common[@]}")
      ;;
    mariadb)
      label=MariaDB
      port="$(free_port "${MARIADB_PORT_APP:-18081}")"
      admin="$(prepare_bench_database remote_eval_deadline_bench)" || return 1
      R[$db.dbversion]="$($admin -N -e 'SELECT VERSION()')"
      env_args=(SPRING_PROFILES_ACTIVE=mysql,bench REMOTE_EVAL_DB_NAME=remote_eval_deadline_bench REMOTE_EVAL_DEMO_ACCOUNTS=true "${common[@]}")
      ;;
    *) log "unknown database '$db' (h2 | mariadb)"; return 1 ;;
  esac
  log_file="$RESULTS_DIR/app-deadlines-$db-$STAMP.log"
  base="http://127.0.0.1:$port"
  bench_start_app "$label" "$port" "$log_file" "${env_args[@]}" || return 1
  sleep 2
  R[$db.heapBefore]="$(heap_used_mb)"

  curl -s -f -u demo:demo -X PUT -H 'Content-Type: text/csv' --data-binary $'date,kind,name\n2027-01-01,HOLIDAY,元旦（基准测试占位，非官方安排）\n' \
    "$base/api/calendar/years/2027" >/dev/null || { log "$label: the 2027 upload failed"; stop_app; return 1; }

  log "$label: opening $COUNT deadlines with $THREADS threads"
  body="$(curl -s -f -u demo:demo -X POST "$base/api/bench/deadlines/open?count=$COUNT&threads=$THREADS")" \
    || { log "$label: opening failed"; stop_app; return 1; }
  log "$label: $body"
  for k in opened awaitingCalendar seconds perSecond openMs.p50 openMs.p99 openMs.max; do R[$db.$k]="$(json "$k" "$body")"; done
  R[$db.heapAfter]="$(heap_used_mb)"
  R[$db.rss]="$(rss_mb "$APP_PID")"

  log "$label: $BURST breaches due within one minute, starting in $LEAD s"
  burst="$(curl -s -f -u demo:demo -X POST "$base/api/bench/deadlines/burst?count=$BURST&leadSeconds=$LEAD")" \
    || { log "$label: the burst failed"; stop_app; return 1; }
  log "$label: $burst"
  R[$db.burstScheduleSeconds]="$(json scheduleSeconds "$burst")"
  local deadline=$(( $(date +%s) + LEAD + 60 + 180 ))
  while :; do
    result="$(curl -s -u demo:demo "$base/api/bench/deadlines/burst" || true)"
    [ "$(json fired "$result")" = "$BURST" ] && break
    [ "$(date +%s)" -gt "$deadline" ] && { log "$label: not all fired within 3 minutes after the minute"; break; }
    sleep 2
  done
  log "$label: $result"
  for k in fired delayMs.p50 delayMs.p95 delayMs.p99 delayMs.max; do R[$db.$k]="$(json "$k" "$result")"; done
  R[$db.heapEnd]="$(heap_used_mb)"
  stop_app
  R[$db.logerrors]="$(grep -c -E '^[0-9T:.+-]+ +ERROR ' "$log_file" || true)"
}

for db in "${DBS[@]}"; do
  run_db "$db" || log "$db: benchmark failed"
done

v() { local x="${R[$1]:-}"; echo "${x:--}"; }
row() { printf '%-58s %14s %14s\n' "$1" "$(v h2.$2)" "$(v mariadb.$2)"; }
{
  echo "Deadline benchmark $STAMP: $COUNT deadlines opened by $THREADS threads, then $BURST breaches within one minute"
  echo "machine: $(machine_description); MariaDB $(v mariadb.dbversion)"
  echo "load average before the run: $LOAD_BEFORE; jar built $JAR_BUILT"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  printf '%-58s %14s %14s\n' "metric" "H2" "MariaDB"
  row "deadlines opened (each: row + 2 Quartz triggers, own tx)" opened
  row "  of which awaiting a calendar (should be 0)" awaitingCalendar
  row "SCHEDULE TIME for all (s)" seconds
  row "  deadlines opened per second" perSecond
  row "  one open(), p50 (ms)" openMs.p50
  row "  one open(), p99 (ms)" openMs.p99
  row "  one open(), max (ms)" openMs.max
  row "heap used after GC, before (MB)" heapBefore
  row "HEAP USED after GC with the deadlines open (MB)" heapAfter
  row "  RSS (MB)" rss
  row "burst: $BURST deadlines scheduled, sequentially (s)" burstScheduleSeconds
  row "burst: fired (of $BURST)" fired
  row "FIRING DELAY after the trigger time, p50 (ms)" delayMs.p50
  row "  p95 (ms)" delayMs.p95
  row "  P99 (ms)" delayMs.p99
  row "  max (ms)" delayMs.max
  row "heap used after GC at the end (MB)" heapEnd
  row "app log ERROR lines" logerrors
  echo "the driver (curl) runs on the same machine as the application and the database."
} | tee "$RESULT_FILE"
log "written to ${RESULT_FILE#"$ROOT"/}"
