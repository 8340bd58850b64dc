#!/usr/bin/env bash
# Venue draw benchmark (issue 4): a peak half-day. For each database (H2, then MariaDB) it starts the
# packaged application with the job executor off, imports 14 centers x 20
# workstations, registers the tenders of each round for one slot, and has 32 client threads execute
# their pending DrawVenues jobs (bench/VenueDrawLoad.java). After the application has stopped it
# counts double bookings, seats and draw records from the tables. Prints a side-by-side summary, also
# written to bench/results/venue-draw-<date>.txt.
#
# Usage: bash bench/run-venue-draw.sh [h2] [mariadb]        (default: both; about 6 minutes each)
# Knobs (environment): DRAWERS=32 VARIANTS=200x5,50x5 (tenders x committee size) REPEAT=5 (rounds per variant)
#                      WARMUP_ROUND=200x5 (0: none) WARMUP_SECONDS=240 WORKSTATIONS=20 MAIN_CENTERS=all (or e.g. HRB)
#                      ATTEMPTS=3 SAMPLES=10 (thread samples in an extra round, 0: none)
#                      DB_POOL_SIZE= (empty: the application's default of 20)
#                      H2_LOCK_TIMEOUT= (ms; empty: H2's default of 2000 ms) H2_PORT=18080 MARIADB_PORT_APP=18081
#                      JAVA_OPTS="" (extra JVM options for the application) REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
DRAWERS="${DRAWERS:-32}"
VARIANTS="${VARIANTS:-200x5,50x5}"
WARMUP_ROUND="${WARMUP_ROUND:-200x5}"
# Warm-up rounds repeat until then. On 2 cores draws/s still climbs for about 4 minutes (the JIT).
WARMUP_SECONDS="${WARMUP_SECONDS:-240}"
REPEAT="${REPEAT:-5}"
DB_POOL_SIZE="${DB_POOL_SIZE:-}"
WORKSTATIONS="${WORKSTATIONS:-20}"
MAIN_CENTERS="${MAIN_CENTERS:-all}"
ATTEMPTS="${ATTEMPTS:-3}"
SAMPLES="${SAMPLES:-10}"
H2_LOCK_TIMEOUT="${H2_LOCK_TIMEOUT:-}"
JAVA_OPTS="${JAVA_OPTS:-}"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RESULT_FILE="$RESULTS_DIR/venue-draw-$STAMP.txt"
DBS=("$@")
[ ${#DBS[@]} -eq 0 ] && DBS=(h2 mariadb)

. bench/lib.sh
bench_init

bench_prepare_jar cn.hlj.remoteeval.draw.internal.DrawTimers
javac -d "$WORK/driver" bench/VenueDrawLoad.java bench/Operator.java
# The JDBC drivers for the verification after the run: the application's own.
unzip -q -j -o "$APP_JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/mysql-connector-j-*.jar' -d "$WORK/jdbc"
JDBC_CP="$WORK/driver:$(find "$WORK/jdbc" -name '*.jar' | paste -sd: -)"

# Summary values, keyed "<db>.<metric>".
declare -A R

run_db() {
  local db="$1" port label env_args=() log_file out_file verify_file admin="" jdbc_url jdbc_user jdbc_password
  # Common to both databases: no demo directory (the run
  # imports its own), and the job executor off, so that the driver's threads are the only drawers.
  local common=(REMOTE_EVAL_DEMO_DIRECTORY=false CAMUNDA_BPM_JOBEXECUTION_ENABLED=false)
  [ -n "$DB_POOL_SIZE" ] && common+=(REMOTE_EVAL_DB_POOL_SIZE="$DB_POOL_SIZE")
  case "$db" in
    h2)
      label=H2
      port="$(free_port "${H2_PORT:-18080}")"
      mkdir -p "$WORK/h2-data"
      jdbc_url="jdbc:h2:file:$WORK/h2-data/remote-eval;DB_CLOSE_ON_EXIT=FALSE"
      jdbc_user=sa; jdbc_password=""
      env_args=(SPRING_PROFILES_ACTIVE=default REMOTE_EVAL_DATA_DIR="$WORK/h2-data" "${common[@]}")
      if [ -n "$H2_LOCK_TIMEOUT" ]; then
        # The application's default URL plus the lock timeout, for this run only.
        env_args+=(REMOTE_EVAL_DB_URL="$jdbc_url;LOCK_TIMEOUT=$H2_LOCK_TIMEOUT")
        R[$db.locktimeout]="$H2_LOCK_TIMEOUT (URL)"
      else
        R[$db.locktimeout]="2000 (H2 default)"
      fi
      ;;
    mariadb)
      label=MariaDB
      port="$(free_port "${MARIADB_PORT_APP:-18081}")"
      admin="$(prepare_bench_database)" || return 1
      R[$db.dbversion]="$($admin -N -e 'SELECT VERSION()')"
      R[$db.locktimeout]="$($admin -N -e 'SELECT @@innodb_lock_wait_timeout')000 (innodb_lock_wait_timeout)"
      jdbc_url="jdbc:mysql://127.0.0.1:${MARIADB_PORT:-3306}/remote_eval_bench?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true"
      jdbc_user=remote_eval; jdbc_password=remote_eval
      env_args=(SPRING_PROFILES_ACTIVE=mysql REMOTE_EVAL_DB_NAME=remote_eval_bench REMOTE_EVAL_DEMO_ACCOUNTS=true "${common[@]}")
      ;;
    *) log "unknown database '$db' (h2 | mariadb)"; return 1 ;;
  esac
  log_file="$RESULTS_DIR/app-venue-draw-$db-$STAMP.log"
  out_file="$WORK/$db.load.properties"
  verify_file="$WORK/$db.verify.properties"

  bench_start_app "$label" "$port" "$log_file" "${env_args[@]}" || return 1
  log "$label: health 200 after $(awk -v ms="$APP_COLDSTART_MS" 'BEGIN {printf "%.1f", ms / 1000}') s"
  sleep 2

  local db_pid="" statements_command=""
  if [ "$db" = mariadb ]; then
    db_pid="$(mariadb_pid)"
    # MariaDB's statement counter (Questions) before and after each round's draws: all clients of the
    # shared server count, so the figure is meaningful on a quiet server only.
    statements_command="$admin -N -e \"SHOW GLOBAL STATUS LIKE 'Questions'\""
  fi
  # In the background and waited for, so that a signal to this script is handled at once.
  java -cp "$WORK/driver" VenueDrawLoad load --base-url "http://127.0.0.1:$port" --drawers "$DRAWERS" \
    --variants "$VARIANTS" --warmup "$WARMUP_ROUND" --warmup-seconds "$WARMUP_SECONDS" --repeat "$REPEAT" --workstations "$WORKSTATIONS" --main-centers "$MAIN_CENTERS" \
    --attempts "$ATTEMPTS" --app-pid "$APP_PID" --db-pid "${db_pid:-0}" --clk-tck "$(getconf CLK_TCK)" \
    --db-statements-command "$statements_command" --dump-dir "$RESULTS_DIR/threads-venue-draw-$db-$STAMP" --dumps "$SAMPLES" --run-id "${label^^}-$STAMP" --label "$label" --out "$out_file" >&2 &
  local driver_pid=$!
  HELPER_PIDS+=("$driver_pid")
  wait "$driver_pid" || log "$label: the load driver failed"

  stop_app
  R[$db.logerrors]="$(grep -c -E '^[0-9T:.+-]+ +ERROR ' "$log_file" || true)"
  R[$db.jobexecutor]="$(grep -q 'ENGINE-14014' "$log_file" && echo 'ON (!)' || echo off)"

  # Counted from the tables, with the application stopped (H2's file is then free).
  log "$label: counting from the tables"
  java -cp "$JDBC_CP" VenueDrawLoad verify --jdbc-url "$jdbc_url" --db-user "$jdbc_user" --db-password "$jdbc_password" \
    --in "$out_file" --out "$verify_file" >&2 || log "$label: the verification failed"

  local key value
  while IFS='=' read -r key value; do R[$db.$key]="$value"; done < <(cat "$out_file" "$verify_file" 2>/dev/null)

  # Thread samples taken during the first measured variant's draws.
  local dir="$RESULTS_DIR/threads-venue-draw-$db-$STAMP"
  if [ -f "$dir/sample-1.txt" ]; then
    log "$label: Tomcat workers (the drawers) in $(ls "$dir" | wc -l) thread samples (${dir#"$ROOT"/}/): count | state | what the stack is in"
    SUMMARY_LINES=14 summarise_threads "$dir"/sample-*.txt | tee "$WORK/$db.census" >&2
  fi
}

for db in "${DBS[@]}"; do
  run_db "$db" || log "$db: benchmark failed"
done

# --- summary ------------------------------------------------------------------------------------
v() { local x="${R[$1]:-}"; echo "${x:--}"; }
row() { printf '%-52s %20s %20s\n' "$1" "$(v h2.$2)" "$(v mariadb.$2)"; }
pair() { printf '%-52s %20s %20s\n' "$1" "$(v h2.$2)/$(v h2.$3)" "$(v mariadb.$2)/$(v mariadb.$3)"; }

variant_rows() {
  local k="$1"
  row "  rounds (each: its own slot, fresh tenders)" "$k.rounds"
  pair "  tenders per round / committee size" "$k.tenders" "$k.committee"
  row "  DRAWS PER SECOND, median round" "$k.drawsPerSecond"
  row "    min" "$k.drawsPerSecond.min"
  row "    max" "$k.drawsPerSecond.max"
  row "  per-draw latency (client; incl. retries) p50 (ms)" "$k.client.p50"
  row "    p95 (ms)" "$k.client.p95"
  row "    P99 (ms)" "$k.client.p99"
  row "    max (ms)" "$k.client.max"
  row "  remote_eval.venue_draw timer (server, histogram bound) p50 (ms)" "$k.server.p50"
  row "    p99 (ms)" "$k.server.p99"
  row "  client p50 of the drawn tenders (ms)" "$k.client.drawn.p50"
  row "  client p50 of the fallback tenders (ms)" "$k.client.fallback.p50"
  row "  drawn (AWAITING_EXPERT_DRAW), API, all rounds" "$k.drawn"
  row "  fallback (AWAITING_NEGOTIATION_APPROVAL), API" "$k.fallback"
  row "  FALLBACK SHARE (%)" "$k.fallbackShare"
  row "  other states (should be 0)" "$k.otherStates"
  pair "  drawn / fallback, counted by SQL" "$k.sql.drawn" "$k.sql.fallback"
  row "  attempts (draws + retries)" "$k.attempts"
  row "  failed attempts" "$k.failedAttempts"
  row "  draws still failed after $ATTEMPTS attempts" "$k.failedDraws"
  row "  DOUBLE BOOKINGS in the slots (SQL)" "$k.doubleBookings"
  row "  drawn tenders without exactly C seats" "$k.drawnWithoutExactSeats"
  row "  drawn tenders breaking the spread limits" "$k.spreadViolations"
  row "  tenders not drawn but holding seats" "$k.notDrawnButSeated"
  row "  tenders without exactly 1 draw record" "$k.tendersWithoutExactlyOneRecord"
  row "  draw records whose result is not what is booked" "$k.recordResultNotBooked"
  row "  snapshots not = capacity - earlier draws' seats" "$k.snapshotMismatches"
  row "  fallbacks a pick existed for (in their snapshot)" "$k.unjustifiedFallbacks"
  row "  fallbacks seatable in what is left" "$k.fallbacksSeatableAtTheEnd"
  row "  app CPU during the draws (cores, mean)" "$k.appCpu"
  row "  mariadbd CPU during the draws (cores)" "$k.dbCpu"
  row "  MariaDB statements per draw (whole request)" "$k.dbStatementsPerAttempt"
  row "  machine CPU busy during the draws (%)" "$k.machineBusy"
}

# Per-round lists of a variant, one line per database.
round_lines() {
  local k="$1" db
  for db in h2 mariadb; do
    [ -n "${R[$db.$k.drawsPerSecond.all]:-}" ] || continue
    echo "  $db, per round: draws/s ${R[$db.$k.drawsPerSecond.all]} | client p99 (ms) ${R[$db.$k.client.p99.all]:-}" \
         "| fallback % ${R[$db.$k.fallbackShare.all]:-} | seats booked of ${R[$db.capacity]:-?} ${R[$db.$k.seatsBooked]:-}" \
         "| left free ${R[$db.$k.leftoverFree]:-} | record actors ${R[$db.$k.recordActors]:-}"
  done
  return 0
}

# The application's CPU during a variant's draws by thread group, one line per database.
cpu_lines() {
  local k="$1" db
  for db in h2 mariadb; do
    [ -n "${R[$db.$k.appCpuByThread]:-}" ] && echo "  app CPU by thread (cores), $db, round $k: ${R[$db.$k.appCpuByThread]}"
  done
  return 0
}

{
  echo "Venue draw benchmark $STAMP: $DRAWERS drawers; rounds: warm-up $WARMUP_ROUND for ${WARMUP_SECONDS} s, measured $VARIANTS;" \
       "$WORKSTATIONS workstations in each center; main centers: $MAIN_CENTERS"
  echo "machine: $(machine_description); MariaDB $(v mariadb.dbversion)"
  echo "load average before the run: $LOAD_BEFORE; jar built $JAR_BUILT"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$([ -n "$(git status --porcelain -- src 2>/dev/null)" ] && echo ' + uncommitted changes under src/')"
  echo
  printf '%-52s %20s %20s\n' "metric" "H2" "MariaDB"
  printf '%-52s %20s %20s\n' "-------------------------------------------------" "--------------------" "--------------------"
  pair "centers / workstations per center" centers workstationsPerCenter
  row "lock timeout (ms)" locktimeout
  row "job executor" jobexecutor
  printf '%-52s %20s %20s\n' "DB connection pool (Hikari maximum-pool-size)" "${DB_POOL_SIZE:-${REMOTE_EVAL_DB_POOL_SIZE:-20}}" "${DB_POOL_SIZE:-${REMOTE_EVAL_DB_POOL_SIZE:-20}}"
  row "warm-up rounds (each on a slot of its own)" warmupRounds
  IFS=',' read -r -a measured <<<"$VARIANTS"
  for k in "${measured[@]}"; do
    echo "VARIANT $k (tenders x committee size), $REPEAT rounds"
    variant_rows "$k"
    round_lines "$k"
    if [ "$REPEAT" -gt 1 ]; then cpu_lines "$k#1"; else cpu_lines "$k"; fi
  done
  if [ "${SAMPLES:-0}" != 0 ]; then
    echo "SAMPLED ROUND ${measured[0]} (threads sampled over JMX every 500 ms: slower; for the census below only)"
    row "  draws per second" sampled.drawsPerSecond
    row "  client p99 (ms)" sampled.client.p99
    row "  thread samples" sampled.threadSamples
    row "  failed attempts" sampled.failedAttempts
    row "  double bookings in the slot" sampled.doubleBookings
    cpu_lines sampled
  fi
  if [ "$WARMUP_ROUND" != 0 ]; then
    echo "WARM-UP ROUNDS $WARMUP_ROUND for ${WARMUP_SECONDS} s (not the figures; each on a slot of its own)"
    row "  warm-up rounds" warmupRounds
    row "  first round (cold JVM): draws per second" warmup.drawsPerSecond
    row "    client p99 (ms)" warmup.client.p99
    row "    failed attempts" warmup.failedAttempts
    row "    kinds" warmup.errorKinds
    row "    draws still failed" warmup.failedDraws
    row "    fallback share (%)" warmup.fallbackShare
    row "    double bookings in the slot" warmup.doubleBookings
    row "    snapshots not = capacity - earlier seats" warmup.snapshotMismatches
    row "    fallbacks a pick existed for" warmup.unjustifiedFallbacks
    for db in h2 mariadb; do
      local_last="${R[$db.warmupRounds]:-}"
      [ -n "$local_last" ] && [ "$local_last" -gt 1 ] || continue
      echo "  $db, last warm-up round (warmup$local_last): ${R[$db.warmup$local_last.drawsPerSecond]:-?} draws/s," \
           "client p99 ${R[$db.warmup$local_last.client.p99]:-?} ms, failed attempts ${R[$db.warmup$local_last.failedAttempts]:-?}"
    done
  fi
  echo "WHOLE RUN"
  row "  DOUBLE BOOKINGS, whole table (SQL)" doubleBookings.all
  row "  draw records (SQL)" drawRecords.all
  row "  chain verification: intact" chain.intact
  row "  chain verification: records" chain.records
  row "  app log ERROR lines" logerrors
  echo
  for db in h2 mariadb; do
    [ -f "$WORK/$db.census" ] || continue
    echo "drawer threads in the thread samples, $db (count | state | what the stack is in):"
    cat "$WORK/$db.census"
  done
  echo "the driver runs on the same machine as the application and the database."
} | tee "$RESULT_FILE"
log "written to ${RESULT_FILE#"$ROOT"/}"
