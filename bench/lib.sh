# Shell functions shared by the benchmark scripts (bench/run-*.sh). Sourced, not run:
#
#   cd "$(dirname "$0")/.."; ROOT="$PWD"; RESULTS_DIR="$ROOT/bench/results"; STAMP=...
#   . bench/lib.sh
#   bench_init                       # results dir, idle check, $WORK, traps that stop everything on exit
#   bench_prepare_jar <class> ...    # build if needed, then a private copy in $APP_JAR
#   bench_start_app <db> <label> <port> <log file> <VAR=value> ...
#
# State kept here: WORK (temporary directory, removed on exit), APP_PID (the running application),
# HELPER_PIDS (background samplers and drivers, killed on exit), APP_JAR, JAR_BUILT, LOAD_BEFORE,
# APP_COLDSTART_MS. The caller sets ROOT, RESULTS_DIR and STAMP, and runs with set -euo pipefail.

JAR="$ROOT/target/remote-eval-0.1.0-SNAPSHOT.jar"
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
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
}

# Results directory, a warning when the machine is busy, the temporary directory and the traps.
bench_init() {
  mkdir -p "$RESULTS_DIR"
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN {exit !(l > n / 2)}'; then
    log "warning: the machine is not idle (load average $LOAD_BEFORE); the figures will be low"
  fi
  if pgrep -f 'surefire|failsafe' >/dev/null 2>&1; then
    log "warning: a Maven test run (surefire/failsafe) is running on this machine; the figures will be low"
  fi
  WORK="$(mktemp -d /tmp/remote-eval-bench.XXXXXX)"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

jar_has() {
  local jar="$1" class
  shift
  for class in "$@"; do
    unzip -l "$jar" "BOOT-INF/classes/${class//.//}.class" >/dev/null 2>&1 || return 1
  done
}

# Builds the jar when it is missing, REBUILD=true, or it lacks one of the given classes (the bench
# classes the script relies on), then copies it to $APP_JAR: other people rebuild target/ while a benchmark runs.
bench_prepare_jar() {
  if [ "${REBUILD:-false}" = true ] || [ ! -f "$JAR" ] || ! jar_has "$JAR" "$@"; then
    log "building $JAR"
    (cd "$ROOT" && { ./mvnw -B -q -o package -DskipTests || ./mvnw -B -q package -DskipTests; })
  fi
  APP_JAR="$WORK/remote-eval.jar"
  local attempt
  for attempt in 1 2 3 4 5 6; do
    cp "$JAR" "$APP_JAR" && jar_has "$APP_JAR" "$@" && break
    [ "$attempt" = 6 ] && { log "cannot get a complete copy of $JAR (being rebuilt?)"; exit 1; }
    log "the jar looks incomplete (being rebuilt?); retrying in 10 s"; sleep 10
  done
  JAR_BUILT="$(date -r "$JAR" '+%Y-%m-%d %H:%M:%S')"
}

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

# One line describing the machine, for the result files.
machine_description() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM;" \
       "$(java -version 2>&1 | head -1)"
}

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

# Makes sure the server runs (.ci/mariadb-up), then drops and recreates the benchmark's database:
# remote_eval_bench unless another name is given (run-expert-draw.sh uses its own, so that it can run
# next to the other benchmarks). Never the test suite's remote_eval_test. Prints the admin client command on stdout.
prepare_bench_database() {
  local admin name="${1:-remote_eval_bench}"
  case "$name" in
    remote_eval_bench|remote_eval_*bench*) ;;
    *) log "refusing to drop '$name': benchmark databases are named remote_eval_*bench*"; return 1 ;;
  esac
  log "preparing MariaDB (.ci/mariadb-up) and an empty database $name"
  bash "$ROOT/.ci/mariadb-up" >&2 || return 1
  admin="$(mariadb_admin)" || { log "no MariaDB admin access; cannot recreate $name"; return 1; }
  $admin -e "DROP DATABASE IF EXISTS $name;
             CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
             GRANT ALL PRIVILEGES ON $name.* TO 'remote_eval'@'127.0.0.1';
             GRANT ALL PRIVILEGES ON $name.* TO 'remote_eval'@'localhost';" >&2 || return 1
  echo "$admin"
}

# The pid of the MariaDB server, for its CPU time.
mariadb_pid() {
  cat /var/tmp/remote-eval-mariadb/mysqld.pid 2>/dev/null || pidof mariadbd 2>/dev/null | cut -d' ' -f1 || true
}

# Statements the MariaDB server has executed so far (all clients; meaningful on a quiet server).
# Uses $admin of the caller.
db_statements() {
  [ -n "${admin:-}" ] || return 0
  $admin -N -e "SHOW GLOBAL STATUS LIKE 'Questions'" 2>/dev/null | awk '{print $2}'
}

# bench_start_app <label> <port> <log file> [VAR=value ...]: starts $APP_JAR with the given
# environment and waits for GET /actuator/health to answer 200. Sets APP_PID and APP_COLDSTART_MS.
bench_start_app() {
  local label="$1" port="$2" log_file="$3" t0 code=""
  shift 3
  log "$label: starting the application on port $port (log: ${log_file#"$ROOT"/})"
  t0="$(now_ms)"
  # The mysql profile refuses the demo personal-data keys: keys of this run, the same for every
  # start in it (each run's databases are new, so nothing from earlier runs has to be read back).
  : "${BENCH_ENCRYPTION_KEY:=$(openssl rand -base64 32)}" "${BENCH_INDEX_KEY:=$(openssl rand -base64 32)}"
  # shellcheck disable=SC2086
  env REMOTE_EVAL_PERSONAL_DATA_ENCRYPTION_KEY="$BENCH_ENCRYPTION_KEY" \
    REMOTE_EVAL_PERSONAL_DATA_INDEX_KEY="$BENCH_INDEX_KEY" "$@" PORT="$port" java -Duser.timezone=Asia/Shanghai ${JAVA_OPTS:-} -jar "$APP_JAR" >"$log_file" 2>&1 &
  APP_PID=$!
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/actuator/health" || true)"
    [ "$code" = 200 ] && break
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "$label: the application exited; last log lines:"; tail -30 "$log_file" >&2; APP_PID=""; return 1; fi
    if [ $(( $(now_ms) - t0 )) -gt 180000 ]; then log "$label: no health 200 within 180 s"; tail -30 "$log_file" >&2; return 1; fi
    sleep 0.1
  done
  APP_COLDSTART_MS=$(( $(now_ms) - t0 ))
}

# Spring's own start time from the application log, in seconds.
spring_started_seconds() {
  grep -oE 'Started RemoteEvalApplication in [0-9.]+ seconds' "$1" | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1 | head -1
}

# Census of the Tomcat workers (http-nio-*-exec-*) in thread dumps: state and what the stack is in.
# A worker executing a venue draw job through the engine REST API is classified by the phase of its
# draw: waiting for the slot lock or the chain head, inside the draw (slot lock held), Camunda's
# flush and commit after it (slot lock still held), or before it (HTTP, authentication, job fetch).
summarise_threads() {
  awk '
    function io(st, s, head) {
      if (head ~ /Net\.poll|NioSocketImpl|SocketDispatcher|SocketInputStream|SocketOutputStream/ && s ~ /com\.mysql/) return "MariaDB round trip"
      if (s ~ /org\.h2\./) return (st == "RUNNABLE" ? "H2 executing SQL" : "H2 waiting in " top)
      if (s ~ /com\.mysql/) return "MySQL driver (CPU)"
      if (st != "RUNNABLE") return "waiting in " top
      return "CPU"
    }
    function drawer(st, s, head) {
      if (st != "RUNNABLE" && s ~ /HikariPool|ConcurrentBag/ && s ~ /createLockRow/) return "drawer: holds a connection, waits for a 2nd one (createLockRow, REQUIRES_NEW)"
      if (st != "RUNNABLE" && s ~ /HikariPool|ConcurrentBag/) return "drawer: waiting for a pooled DB connection"
      if (s ~ /JdbcSeatBookings\.lockSlot/ && s !~ /JdbcSeatBookings\.book/ && (st != "RUNNABLE" || head ~ /Net\.poll|NioSocketImpl/)) return "drawer: waiting for the slot lock (booking_slot_lock FOR UPDATE)"
      if (s ~ /JdbcDrawStore\.lockHead/ && (st != "RUNNABLE" || head ~ /Net\.poll|NioSocketImpl/)) return "drawer: in the chain head FOR UPDATE (a wait, or on MariaDB its round trip)"
      if (s ~ /VenueDrawService\.draw/) return "drawer: in the draw, slot lock held: " io(st, s, head)
      if (s ~ /DbEntityManager\.flush|doCommit|CommandContext\.close/) return "drawer: Camunda flush/commit after the draw, slot lock held: " io(st, s, head)
      if (s ~ /CamundaIdentityAuthenticationProvider/) return "drawer: before the draw: HTTP Basic authentication"
      if (s ~ /ExecuteJobsCmd|ExecuteJobHelper/) return "drawer: before the draw: Camunda job fetch: " io(st, s, head)
      return "drawer: before or after the draw (HTTP): " io(st, s, head)
    }
    function classify(st, s, head) {
      if (s ~ /TraceSystem/) return "H2 writing an exception to its .trace.db file"
      if (s ~ /JobRestServiceImpl|JobResourceImpl\.executeJob/) return drawer(st, s, head)
      if (st != "RUNNABLE") {
        if (s ~ /HikariPool|ConcurrentBag/ && s ~ /CamundaIdentityAuthenticationProvider/) return "waiting for a pooled DB connection (HTTP Basic authentication)"
        if (s ~ /HikariPool|ConcurrentBag/) return "waiting for a pooled DB connection"
        if (s ~ /TaskQueue\.(take|poll)/) return "idle (waiting for a request)"
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
    END { for (k in counts) printf "      %3d  %s\n", counts[k], k }' "$@" | sort -rn | head -"${SUMMARY_LINES:-12}"
}
