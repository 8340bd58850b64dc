#!/usr/bin/env bash
# End-to-end registration benchmark: starts the packaged application once per database (H2, then
# MariaDB) under the "bench" profile, measures cold start, heap and RSS, drives POST /api/tenders and
# the POST /api/bench/noop ceiling with bench/RegistrationLoad.java, stops the application and
# prints a side-by-side summary, also written to bench/results/registration-<date>.txt.
#
# Usage: bash bench/run-registration.sh [h2] [mariadb]        (default: both)
# Knobs (environment): THREADS=8 WARMUP=60 NOOP_WARMUP=10 DURATION=30 H2_PORT=18080 MARIADB_PORT_APP=18081
#                      JAVA_OPTS="" (extra JVM options for the application) REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
JAR="$ROOT/target/remote-eval-0.1.0-SNAPSHOT.jar"
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

mkdir -p "$RESULTS_DIR"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN {exit !(l > n / 2)}'; then
  echo "[bench] warning: the machine is not idle (load average $LOAD_BEFORE); the figures will be low" >&2
fi
WORK="$(mktemp -d /tmp/remote-eval-bench.XXXXXX)"
APP_PID=""
HELPER_PIDS=()

log() { echo "[bench] $*" >&2; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping application (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && { log "still running, killing pid $APP_PID"; kill -KILL "$APP_PID" 2>/dev/null || true; }
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  local pid
  for pid in "${HELPER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_app
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. the jar -------------------------------------------------------------------------------
if [ "${REBUILD:-false}" = true ] || [ ! -f "$JAR" ] \
   || ! unzip -l "$JAR" 'BOOT-INF/classes/cn/hlj/remoteeval/web/internal/NoOpBenchmarkController.class' >/dev/null 2>&1; then
  log "building $JAR"
  ./mvnw -B -q -o package -DskipTests || ./mvnw -B -q package -DskipTests
fi

# Run a private copy: other people rebuild target/ while the benchmark runs.
APP_JAR="$WORK/remote-eval.jar"
for attempt in 1 2 3 4 5 6; do
  cp "$JAR" "$APP_JAR" && unzip -l "$APP_JAR" 'BOOT-INF/classes/cn/hlj/remoteeval/web/internal/NoOpBenchmarkController.class' >/dev/null 2>&1 && break
  [ "$attempt" = 6 ] && { log "cannot get a complete copy of $JAR (being rebuilt?)"; exit 1; }
  log "the jar looks incomplete (being rebuilt?); retrying in 10 s"; sleep 10
done
JAR_BUILT="$(date -r "$JAR" '+%Y-%m-%d %H:%M:%S')"

# The driver is compiled once so that its start does not skew the phase timing of the samplers.
javac -d "$WORK/driver" bench/RegistrationLoad.java

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p="$1"; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
now_ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Accumulated GC pause time and JIT compilation time of a JVM, in seconds.
gc_seconds() { jstat -gcutil "$1" 2>/dev/null | awk 'NR == 2 {print $NF}'; }
jit_seconds() { jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 {print $4}'; }
# Ticks the hypervisor gave to other guests while this one wanted to run.
steal_ticks() { awk '/^cpu / {print $9}' /proc/stat; }
# "<total ticks> <busy ticks>" of the whole machine (busy = all but idle and iowait).
machine_ticks() { awk '/^cpu / {t = 0; for (i = 2; i <= NF; i++) t += $i; print t, t - $5 - $6}' /proc/stat; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# The MariaDB admin client, found the way .ci/mariadb-up finds it.
mariadb_admin() {
  local sock
  for sock in /var/tmp/remote-eval-mariadb/mysqld.sock /run/mysqld/mysqld.sock /var/run/mysqld/mysqld.sock; do
    if [ -S "$sock" ] && mariadb --socket="$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
      echo "mariadb --socket=$sock -uroot"; return 0
    fi
  done
  if mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1; then echo "mariadb -uroot"; return 0; fi
  if [ -n "${MARIADB_ROOT_PASSWORD:-}" ]; then echo "mariadb -h127.0.0.1 -uroot -p$MARIADB_ROOT_PASSWORD"; return 0; fi
  return 1
}

# Statements the MariaDB server has executed so far (all clients; meaningful on a quiet server).
db_statements() {
  [ -n "${admin:-}" ] || return 0
  $admin -N -e "SHOW GLOBAL STATUS LIKE 'Questions'" 2>/dev/null | awk '{print $2}'
}

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

# Census of the Tomcat workers (http-nio-*-exec-*) in the thread dumps: state and what the stack is in.
summarise_threads() {
  awk '
    function classify(st, s, head) {
      if (s ~ /TraceSystem/) return "H2 writing an exception to its .trace.db file"
      if (st != "RUNNABLE") {
        if (s ~ /HikariPool|ConcurrentBag/) return "waiting for a pooled DB connection"
        if (s ~ /NioEndpoint|TaskQueue|LinkedBlockingQueue/) return "idle (waiting for a request)"
        return "blocked/waiting in " top
      }
      if (head ~ /Net\.poll|NioSocketImpl|SocketDispatcher|SocketInputStream|SocketOutputStream/) {
        if (s ~ /com\.mysql/) return "MariaDB round trip (socket I/O)"
        return "HTTP socket I/O"
      }
      if (s ~ /CamundaIdentityAuthenticationProvider/) return "HTTP Basic authentication (Camunda identity)"
      if (s ~ /org\.camunda\.feel|org\.camunda\.bpm\.dmn/) return "DMN/FEEL evaluation"
      if (s ~ /org\.h2\./) return "H2 executing SQL"
      if (s ~ /com\.mysql/) return "MySQL driver (CPU)"
      if (s ~ /org\.apache\.ibatis/) return "MyBatis (Camunda persistence)"
      if (s ~ /org\.camunda\.bpm\.engine/) return "Camunda engine (other)"
      if (s ~ /springframework\.data\.jdbc/) return "Spring Data JDBC (tender repository)"
      if (s ~ /jackson/) return "Jackson"
      return "other: " top
    }
    /^"http-nio-[0-9]+-exec-/ { inworker = 1; stack = ""; head = ""; frames = 0; state = ""; top = ""; next }
    inworker && /java.lang.Thread.State:/ { state = $2; next }
    inworker && /^\tat / {
      stack = stack "\n" $2; if (++frames <= 6) head = head "\n" $2
      if (top == "") { top = $2; sub(/\(.*/, "", top) }
      next
    }
    inworker && /^$/ { counts[state " | " classify(state, stack, head)]++; inworker = 0 }
    END { for (k in counts) printf "      %3d  %s\n", counts[k], k }' "$@" | sort -rn | head -12
}

run_db() {
  local db="$1" port label env_args=() log_file out_file admin=""
  case "$db" in
    h2)
      label=H2
      port="$(free_port "${H2_PORT:-18080}")"
      mkdir -p "$WORK/h2-data"
      env_args=(SPRING_PROFILES_ACTIVE=bench REMOTE_EVAL_DATA_DIR="$WORK/h2-data")
      ;;
    mariadb)
      label=MariaDB
      port="$(free_port "${MARIADB_PORT_APP:-18081}")"
      log "preparing MariaDB (.ci/mariadb-up) and an empty database remote_eval_bench"
      bash .ci/mariadb-up >&2 || return 1
      admin="$(mariadb_admin)" || { log "no MariaDB admin access; cannot recreate remote_eval_bench"; return 1; }
      $admin -e "DROP DATABASE IF EXISTS remote_eval_bench;
                 CREATE DATABASE remote_eval_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
                 GRANT ALL PRIVILEGES ON remote_eval_bench.* TO 'remote_eval'@'127.0.0.1';
                 GRANT ALL PRIVILEGES ON remote_eval_bench.* TO 'remote_eval'@'localhost';"  || return 1
      R[$db.dbversion]="$($admin -N -e 'SELECT VERSION()')"
      env_args=(SPRING_PROFILES_ACTIVE=mysql,bench REMOTE_EVAL_DB_NAME=remote_eval_bench REMOTE_EVAL_DEMO_ACCOUNTS=true)
      ;;
    *) log "unknown database '$db' (h2 | mariadb)"; return 1 ;;
  esac
  log_file="$RESULTS_DIR/app-$db-$STAMP.log"
  out_file="$WORK/$db.properties"

  # --- 2. cold start, heap, RSS ---------------------------------------------------------------
  log "$label: starting the application on port $port (log: ${log_file#"$ROOT"/})"
  local t0 t1 code=""
  t0="$(now_ms)"
  # shellcheck disable=SC2086
  env "${env_args[@]}" PORT="$port" java -Duser.timezone=Asia/Shanghai $JAVA_OPTS -jar "$APP_JAR" >"$log_file" 2>&1 &
  APP_PID=$!
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/actuator/health" || true)"
    [ "$code" = 200 ] && break
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "$label: the application exited; last log lines:"; tail -30 "$log_file" >&2; APP_PID=""; return 1; fi
    if [ $(( $(now_ms) - t0 )) -gt 180000 ]; then log "$label: no health 200 within 180 s"; tail -30 "$log_file" >&2; return 1; fi
    sleep 0.1
  done
  t1="$(now_ms)"
  R[$db.coldstart]="$(awk -v ms=$((t1 - t0)) 'BEGIN {printf "%.1f", ms / 1000}')"
  R[$db.started]="$(grep -oE 'Started RemoteEvalApplication in [0-9.]+ seconds' "$log_file" | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1 | head -1)"
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
  [ "$db" = mariadb ] && db_pid="$(cat /var/tmp/remote-eval-mariadb/mysqld.pid 2>/dev/null || pidof mariadbd 2>/dev/null | cut -d' ' -f1 || true)"
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
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM;" \
       "$(java -version 2>&1 | head -1); MariaDB $(v mariadb.dbversion)"
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
  row "POST /api/bench/noop  requests/s" noop.rps "(ceiling)"
  row "  p50 (ms)" noop.p50
  row "  p90 (ms)" noop.p90
  row "  p99 (ms)" noop.p99
  row "  max (ms)" noop.max
  row "  errors (non-204)" noop.errors
  echo
  echo "outcomes of measured registrations (scope/rollout):"
  echo "  H2:      $(v h2.tenders.outcomes)"
  echo "  MariaDB: $(v mariadb.tenders.outcomes)"
  echo "the driver runs on the same machine as the application and the database."
} | tee "$RESULT_FILE"
log "written to ${RESULT_FILE#"$ROOT"/}"
