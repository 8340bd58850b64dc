#!/usr/bin/env bash
# End-to-end registration benchmark: starts the packaged application once per database (H2, then
# MariaDB) measures cold start, heap and RSS, drives POST /api/tenders and
# the GET /api/me ceiling with bench/RegistrationLoad.java, stops the application and
# prints a side-by-side summary, also written to bench/results/registration-<date>.txt.
#
# Usage: bash bench/run-registration.sh [h2] [mariadb]        (default: both)
# Knobs (environment): THREADS=8 WARMUP=60 NOOP_WARMUP=10 DURATION=30 H2_PORT=18080 MARIADB_PORT_APP=18081
#                      JAVA_OPTS="" (extra JVM options for the application) REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
THREADS="${THREADS:-8}"
WARMUP="${WARMUP:-60}"             # registration warm-up: on 2 cores the JIT needs about a minute of load
NOOP_WARMUP="${NOOP_WARMUP:-10}"   # the no-op runs after the registration phase, on a warm JVM
DURATION="${DURATION:-30}"
JAVA_OPTS="${JAVA_OPTS:-}"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RESULT_FILE="$RESULTS_DIR/registration-$STAMP.txt"
DBS=("$@")
[ ${#DBS[@]} -eq 0 ] && DBS=(h2 mariadb)

# log, stop_app, the traps, the jar, ports, CPU and JVM counters, MariaDB admin, thread census.
. bench/lib.sh
bench_init

# --- 1. the jar -------------------------------------------------------------------------------
bench_prepare_jar cn.hlj.remoteeval.security.internal.CurrentPersonController

# The driver is compiled once so that its start does not skew the phase timing of the samplers.
javac -d "$WORK/driver" bench/RegistrationLoad.java

# Summary values, keyed "<db>.<metric>".
declare -A R

# Three thread dumps and the worker threads' state census during the measured registration phase.
sample_threads() {
  local db="$1" pid="$2" i
  sleep $((WARMUP + DURATION / 4))
  for i in 1 2 3; do
    jcmd "$pid" Thread.print >"$RESULTS_DIR/threads-$db-$STAMP-$i.txt" 2>/dev/null || true
    [ "$i" != 3 ] && sleep $((DURATION / 4))
  done
}

run_db() {
  local db="$1" port label env_args=() log_file out_file admin=""
  case "$db" in
    h2)
      label=H2
      port="$(free_port "${H2_PORT:-18080}")"
      mkdir -p "$WORK/h2-data"
      env_args=(SPRING_PROFILES_ACTIVE=default REMOTE_EVAL_DATA_DIR="$WORK/h2-data")
      ;;
    mariadb)
      label=MariaDB
      port="$(free_port "${MARIADB_PORT_APP:-18081}")"
      admin="$(prepare_bench_database)" || return 1
      R[$db.dbversion]="$($admin -N -e 'SELECT VERSION()')"
      env_args=(SPRING_PROFILES_ACTIVE=mysql REMOTE_EVAL_DB_NAME=remote_eval_bench REMOTE_EVAL_DEMO_ACCOUNTS=true)
      ;;
    *) log "unknown database '$db' (h2 | mariadb)"; return 1 ;;
  esac
  log_file="$RESULTS_DIR/app-$db-$STAMP.log"
  out_file="$WORK/$db.properties"

  # --- 2. cold start, heap, RSS ---------------------------------------------------------------
  bench_start_app "$label" "$port" "$log_file" "${env_args[@]}" || return 1
  R[$db.coldstart]="$(awk -v ms="$APP_COLDSTART_MS" 'BEGIN {printf "%.1f", ms / 1000}')"
  R[$db.started]="$(spring_started_seconds "$log_file")"
  log "$label: health 200 after ${R[$db.coldstart]} s (Spring: started in ${R[$db.started]:-?} s)"

  sleep 2   # let the post-start work (deployment cache, job executor's first poll) settle
  jcmd "$APP_PID" GC.run >/dev/null
  local heap
  heap="$(jcmd "$APP_PID" GC.heap_info)"
  echo "$heap" >"$RESULTS_DIR/heap-$db-$STAMP.txt"
  # G1: " garbage-first heap   total 262144K, used 81234K [...]"
  R[$db.heap]="$(echo "$heap" | grep -m1 -oE 'heap +total [0-9]+K, used [0-9]+K' | grep -oE 'used [0-9]+' | awk '{printf "%.0f", $2 / 1024}')"
  R[$db.heapcommitted]="$(echo "$heap" | grep -m1 -oE 'heap +total [0-9]+K' | grep -oE '[0-9]+' | awk '{printf "%.0f", $1 / 1024}')"
  R[$db.metaspace]="$(echo "$heap" | grep -m1 -oE 'Metaspace +used [0-9]+K' | grep -oE '[0-9]+' | awk '{printf "%.0f", $1 / 1024}')"
  R[$db.rss]="$(rss_mb "$APP_PID")"
  log "$label: heap used after GC ${R[$db.heap]:-?} MB (committed ${R[$db.heapcommitted]:-?} MB, metaspace ${R[$db.metaspace]:-?} MB), RSS ${R[$db.rss]} MB"

  # --- 3. load --------------------------------------------------------------------------------
  sample_threads "$db" "$APP_PID" &
  HELPER_PIDS+=($!)
  # In the background and waited for, so that a signal to this script is handled at once.
  java -cp "$WORK/driver" RegistrationLoad --base-url "http://127.0.0.1:$port" --threads "$THREADS" \
    --warmup "$WARMUP" --warmup-noop "$NOOP_WARMUP" --duration "$DURATION" --user staff-hrb --password staff-hrb \
    --run-id "${label^^}-$STAMP" --label "$label" --endpoints tenders,noop --out "$out_file" >&2 &
  local driver_pid=$!
  HELPER_PIDS+=("$driver_pid")
  # CPU during the measured registration phase, in cores: the application, the database server,
  # the driver, and whatever else runs on the machine (other builds distort the figures).
  local db_pid="" cpu_pid
  [ "$db" = mariadb ] && db_pid="$(mariadb_pid)"
  ( sleep "$WARMUP"
    a0="$(cpu_ticks "$APP_PID")"; d0="$(cpu_ticks "${db_pid:-0}")"; l0="$(cpu_ticks "$driver_pid")"; m0="$(machine_ticks)"
    q0="$(db_statements)"; g0="$(gc_seconds "$APP_PID")"; j0="$(jit_seconds "$APP_PID")"; s0="$(steal_ticks)"
    sleep "$DURATION"
    a1="$(cpu_ticks "$APP_PID")"; d1="$(cpu_ticks "${db_pid:-0}")"; l1="$(cpu_ticks "$driver_pid")"; m1="$(machine_ticks)"
    q1="$(db_statements)"; g1="$(gc_seconds "$APP_PID")"; j1="$(jit_seconds "$APP_PID")"; s1="$(steal_ticks)"
    awk -v g0="$g0" -v g1="$g1" -v j0="$j0" -v j1="$j1" -v s0="$s0" -v s1="$s1" -v hz="$(getconf CLK_TCK)" -v d="$DURATION" 'BEGIN {
      if (g0 != "" && g1 != "") printf "gcseconds=%.2f\n", g1 - g0
      if (j0 != "" && j1 != "") printf "jitseconds=%.2f\n", j1 - j0
      printf "stealcpu=%.2f\n", (s1 - s0) / hz / d
    }' >"$WORK/$db.jvm"
    [ -n "$q0" ] && [ -n "$q1" ] && echo "dbstatements=$((q1 - q0))" >"$WORK/$db.statements"
    awk -v a="$((a1 - a0))" -v d="$((d1 - d0))" -v l="$((l1 - l0))" -v m0="$m0" -v m1="$m1" -v hz="$(getconf CLK_TCK)" \
        -v s="$DURATION" -v db="$db_pid" -v n="$(nproc)" 'BEGIN {
      split(m0, x, " "); split(m1, y, " ")
      printf "appcpu=%.2f\n", a / hz / s
      if (db != "") printf "dbcpu=%.2f\n", d / hz / s
      printf "drivercpu=%.2f\n", l / hz / s
      if (y[1] > x[1]) {
        busy = (y[2] - x[2]) / (y[1] - x[1])
        printf "machinebusy=%.0f\n", 100 * busy
        other = busy * n - (a + d + l) / hz / s
        printf "othercpu=%.2f\n", other < 0 ? 0 : other
      }
    }' >"$WORK/$db.cpu" ) &
  cpu_pid=$!
  HELPER_PIDS+=("$cpu_pid")
  wait "$driver_pid" || log "$label: the load driver failed"
  wait "$cpu_pid" 2>/dev/null || true
  R[$db.rssafter]="$(rss_mb "$APP_PID")"
  local key value
  while IFS='=' read -r key value; do R[$db.$key]="$value"; done < <(cat "$out_file" "$WORK/$db.cpu" "$WORK/$db.statements" "$WORK/$db.jvm" 2>/dev/null)
  if [ -n "${R[$db.dbstatements]:-}" ] && [ "${R[$db.tenders.requests]:-0}" -gt 0 ]; then
    R[$db.stmtsper]="$(awk -v q="${R[$db.dbstatements]}" -v n="${R[$db.tenders.requests]}" 'BEGIN {printf "%.0f", q / n}')"
  fi

  if [ "$db" = h2 ] && [ -f "$WORK/h2-data/remote-eval.trace.db" ]; then
    R[$db.tracefile]="$(du -m "$WORK/h2-data/remote-eval.trace.db" | cut -f1)"
  fi
  local dumps=("$RESULTS_DIR/threads-$db-$STAMP-"*.txt)
  if [ -f "${dumps[0]}" ]; then
    log "$label: Tomcat workers in ${#dumps[@]} thread dumps taken during the measured registration phase"
    log "  (bench/results/threads-$db-$STAMP-*.txt): count | state | what the stack is in"
    summarise_threads "${dumps[@]}" >&2
  fi

  # --- 4. stop --------------------------------------------------------------------------------
  stop_app
  # Errors the HTTP status does not show: the application's own ERROR log lines during the run.
  R[$db.logerrors]="$(grep -c -E '^[0-9T:.+-]+ +ERROR ' "$log_file" || true)"
  R[$db.rejected]="$(grep -c 'TaskRejectedException: ' "$log_file" || true)"
  if [ "$db" = mariadb ]; then
    R[$db.outstanding]="$($admin -N -e 'SELECT COUNT(*) FROM remote_eval_bench.EVENT_PUBLICATION' 2>/dev/null || echo '?')"
    R[$db.tenders]="$($admin -N -e 'SELECT COUNT(*) FROM remote_eval_bench.tender' 2>/dev/null || echo '?')"
    R[$db.audit]="$($admin -N -e 'SELECT COUNT(*) FROM remote_eval_bench.audit_entry' 2>/dev/null || echo '?')"
  fi
}

for db in "${DBS[@]}"; do
  run_db "$db" || log "$db: benchmark failed"
done

# --- summary ------------------------------------------------------------------------------------
v() { local x="${R[$1]:-}"; echo "${x:--}"; }
# verdict <h2 value> <mariadb value> <op> <h2 target> <mariadb target>
verdict() {
  local a="$1" b="$2" op="$3" ta="$4" tb="$5" out="" x t
  for pair in "$a:$ta" "$b:$tb"; do
    x="${pair%%:*}"; t="${pair##*:}"
    if [ "$x" = "-" ] || [ "$x" = "?" ] || [ -z "$x" ]; then out+=" n/a"; continue; fi
    if awk -v x="$x" -v t="$t" -v op="$op" 'BEGIN {exit !((op == ">=" && x >= t) || (op == "<" && x < t))}'; then out+=" ok"; else out+=" MISSED"; fi
  done
  echo "$out"
}

{
  echo "Registration benchmark $STAMP ($THREADS client threads; warm-up ${WARMUP} s for registrations, ${NOOP_WARMUP} s for the no-op; measured ${DURATION} s each)"
  echo "machine: $(machine_description); MariaDB $(v mariadb.dbversion)"
  echo "load average before the run: $LOAD_BEFORE; jar built $JAR_BUILT"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$([ -n "$(git status --porcelain -- src 2>/dev/null)" ] && echo ' + uncommitted changes under src/')"
  echo
  printf '%-40s %12s %12s   %-22s %s\n' "metric" "H2" "MariaDB" "target (H2 / MariaDB)" "H2 / MariaDB"
  printf '%-40s %12s %12s   %-22s %s\n' "----------------------------------------" "------------" "------------" "----------------------" "------------"
  row() { printf '%-40s %12s %12s   %-22s %s\n' "$1" "$(v h2.$2)" "$(v mariadb.$2)" "${3:-}" "${4:-}"; }
  row "cold start to health 200 (s)" coldstart "< 20" "$(verdict "$(v h2.coldstart)" "$(v mariadb.coldstart)" '<' 20 20)"
  row "  Spring 'Started ... in' (s)" started
  row "heap used after start + GC (MB)" heap "< 300" "$(verdict "$(v h2.heap)" "$(v mariadb.heap)" '<' 300 300)"
  row "  heap committed (MB)" heapcommitted
  row "  metaspace used (MB)" metaspace
  row "RSS after start (MB)" rss
  row "RSS after load (MB)" rssafter
  row "POST /api/tenders  registrations/s" tenders.rps ">= 200 / >= 100" "$(verdict "$(v h2.tenders.rps)" "$(v mariadb.tenders.rps)" '>=' 200 100)"
  row "  p50 (ms)" tenders.p50
  row "  p90 (ms)" tenders.p90
  row "  p99 (ms)" tenders.p99 "< 50" "$(verdict "$(v h2.tenders.p99)" "$(v mariadb.tenders.p99)" '<' 50 50)"
  row "  max (ms)" tenders.max
  row "  requests measured" tenders.requests
  row "  errors (non-201)" tenders.errors "0" "$(verdict "$(v h2.tenders.errors)" "$(v mariadb.tenders.errors)" '<' 1 1)"
  row "  app CPU, measured phase (cores)" appcpu
  row "  mariadbd CPU, measured phase (cores)" dbcpu
  row "  SQL statements per registration" stmtsper
  row "  driver CPU, measured phase (cores)" drivercpu
  row "  other processes' CPU (cores)" othercpu "~0 (quiet machine)"
  row "  machine CPU busy, measured phase (%)" machinebusy
  row "  CPU stolen by the hypervisor (cores)" stealcpu
  row "  app GC pauses, measured phase (s)" gcseconds
  row "  app JIT compiling, measured phase (s)" jitseconds
  row "  H2 .trace.db file after the run (MB)" tracefile
  row "  app log ERROR lines (whole run)" logerrors
  row "    of which TaskRejectedException" rejected
  row "  tenders in DB after the run" tenders
  row "  audit entries in DB (2 per tender)" audit
  row "  event publications left incomplete" outstanding
  row "GET /api/me  requests/s" noop.rps "(ceiling)"
  row "  p50 (ms)" noop.p50
  row "  p90 (ms)" noop.p90
  row "  p99 (ms)" noop.p99
  row "  max (ms)" noop.max
  row "  errors (non-200)" noop.errors
  echo
  echo "outcomes of measured registrations (scope/rollout):"
  echo "  H2:      $(v h2.tenders.outcomes)"
  echo "  MariaDB: $(v mariadb.tenders.outcomes)"
  echo "the driver runs on the same machine as the application and the database."
} | tee "$RESULT_FILE"
log "written to ${RESULT_FILE#"$ROOT"/}"
