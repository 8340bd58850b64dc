#!/usr/bin/env bash
# Expert pool and expert draw benchmark (issue 5). For each database (H2, then MariaDB) it starts the
# packaged application with a heap limit and the job executor off, adds the
# specialty codes the pool needs (POST /api/specialties), generates a pool of 100,000 experts over 200
# specialties and 14 centers (bench/ExpertPoolGenerator.java, .xlsx through SXSSF, and the same rows as
# .csv), imports the .xlsx (time and heap), re-imports the rows as .csv (every row unchanged), then
# registers tenders and fixes their venues, and times expert draws (bench/ExpertDrawLoad.java): one at a
# time (p50/p99 of ExpertDrawService.draw), and 64 at once for one half-day. After the application has
# stopped it counts double bookings and seats from the tables. Prints a side-by-side summary, also
# written to bench/results/expert-draw-<date>.txt.
#
# Usage: bash bench/run-expert-draw.sh [h2] [mariadb]        (default: both; about 8 minutes each)
# Knobs (environment): ROWS=100000 SPECIALTIES=200 SHARED_STRINGS=true (the .xlsx's text in a shared-strings
#                      table, as Excel writes it) REIMPORT_CSV=true HEAP_MAX=512m
#                      WARMUP_DRAWS=400 LATENCY_DRAWS=400 PER_SLOT=25 CONCURRENT=64 ROUNDS=3 ATTEMPTS=3
#                      WORKSTATIONS=50 DECLARATIONS=6 (per tender; 0: none) SMS_DISPATCH=true DRAWS=true (false: the import only)
#                      MARIADB_DB=remote_eval_expert_bench H2_PORT=18082 MARIADB_PORT_APP=18083
#                      JAVA_OPTS="" (extra JVM options for the application) REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
ROWS="${ROWS:-100000}"
SPECIALTIES="${SPECIALTIES:-200}"
SHARED_STRINGS="${SHARED_STRINGS:-true}"
REIMPORT_CSV="${REIMPORT_CSV:-true}"
HEAP_MAX="${HEAP_MAX:-512m}"
WARMUP_DRAWS="${WARMUP_DRAWS:-400}"
LATENCY_DRAWS="${LATENCY_DRAWS:-400}"
PER_SLOT="${PER_SLOT:-25}"
CONCURRENT="${CONCURRENT:-64}"
ROUNDS="${ROUNDS:-3}"
ATTEMPTS="${ATTEMPTS:-3}"
WORKSTATIONS="${WORKSTATIONS:-50}"
DECLARATIONS="${DECLARATIONS:-6}"
SMS_DISPATCH="${SMS_DISPATCH:-true}"
DRAWS="${DRAWS:-true}"
MARIADB_DB="${MARIADB_DB:-remote_eval_expert_bench}"
EXTRA_JAVA_OPTS="${JAVA_OPTS:-}"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RESULT_FILE="$RESULTS_DIR/expert-draw-$STAMP.txt"
DBS=("$@")
[ ${#DBS[@]} -eq 0 ] && DBS=(h2 mariadb)

. bench/lib.sh
bench_init

bench_prepare_jar cn.hlj.remoteeval.draw.internal.DrawTimers
javac -d "$WORK/driver" bench/ExpertDrawLoad.java bench/Operator.java
# POI for the generator and the JDBC drivers for the verification: the application's own jars.
unzip -q -j -o "$APP_JAR" 'BOOT-INF/lib/poi-*.jar' 'BOOT-INF/lib/xmlbeans-*.jar' 'BOOT-INF/lib/commons-io-*.jar' \
  'BOOT-INF/lib/commons-compress-*.jar' 'BOOT-INF/lib/commons-codec-*.jar' 'BOOT-INF/lib/commons-collections4-*.jar' \
  'BOOT-INF/lib/commons-math3-*.jar' 'BOOT-INF/lib/log4j-api-*.jar' 'BOOT-INF/lib/SparseBitSet-*.jar' \
  'BOOT-INF/lib/curvesapi-*.jar' -d "$WORK/poi"
unzip -q -j -o "$APP_JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/mysql-connector-j-*.jar' -d "$WORK/jdbc"
POI_CP="$(find "$WORK/poi" -name '*.jar' | paste -sd: -)"
JDBC_CP="$WORK/driver:$(find "$WORK/jdbc" -name '*.jar' | paste -sd: -)"
javac -nowarn -cp "$POI_CP" -d "$WORK/generator" bench/ExpertPoolGenerator.java 2>/dev/null

declare -A R

# The pool files, generated once per set of specialty codes (both databases normally get the same).
generate_pool() {
  if [ -f "$WORK/pool.xlsx" ] && cmp -s "$WORK/codes.txt" "$WORK/generated-codes.txt"; then
    log "reusing the generated pool"
    return 0
  fi
  log "generating $ROWS experts over $(wc -l <"$WORK/codes.txt") specialties and $(awk -F, '{print NF}' "$WORK/centers.txt") centers"
  java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -cp "$POI_CP:$WORK/generator" \
    ExpertPoolGenerator --rows "$ROWS" --specialties "$WORK/codes.txt" --centers "$(cat "$WORK/centers.txt")" \
    --xlsx "$WORK/pool.xlsx" --csv "$WORK/pool.csv" --employers-out "$WORK/employers.txt" --shared-strings "$SHARED_STRINGS" >&2
  cp "$WORK/codes.txt" "$WORK/generated-codes.txt"
}

heap_after_gc_mb() {
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | grep -m1 -oE 'heap +total [0-9]+K, used [0-9]+K' | grep -oE 'used [0-9]+' | awk '{printf "%.0f", $2 / 1024}'
}

run_db() {
  local db="$1" port label env_args=() log_file props tenders_file gc_log admin="" jdbc_url jdbc_user jdbc_password db_pid=0
  local common=(REMOTE_EVAL_DEMO_DIRECTORY=false REMOTE_EVAL_DEMO_POOL=false REMOTE_EVAL_DEMO_ACCOUNTS=true
    CAMUNDA_BPM_JOBEXECUTION_ENABLED=false REMOTE_EVAL_SMS_GATEWAY=file REMOTE_EVAL_SMS_FILE="$WORK/sms-$db/sent.jsonl"
    REMOTE_EVAL_SMS_DISPATCH_ENABLED="$SMS_DISPATCH")
  case "$db" in
    h2)
      label=H2
      port="$(free_port "${H2_PORT:-18082}")"
      mkdir -p "$WORK/h2-data"
      jdbc_url="jdbc:h2:file:$WORK/h2-data/remote-eval;DB_CLOSE_ON_EXIT=FALSE"
      jdbc_user=sa; jdbc_password=""
      env_args=(SPRING_PROFILES_ACTIVE=default REMOTE_EVAL_DATA_DIR="$WORK/h2-data" "${common[@]}")
      ;;
    mariadb)
      label=MariaDB
      port="$(free_port "${MARIADB_PORT_APP:-18083}")"
      admin="$(prepare_bench_database "$MARIADB_DB")" || return 1
      R[$db.dbversion]="$($admin -N -e 'SELECT VERSION()')"
      jdbc_url="jdbc:mysql://127.0.0.1:${MARIADB_PORT:-3306}/$MARIADB_DB?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true"
      jdbc_user=remote_eval; jdbc_password=remote_eval
      env_args=(SPRING_PROFILES_ACTIVE=mysql REMOTE_EVAL_DB_NAME="$MARIADB_DB" "${common[@]}")
      db_pid="$(mariadb_pid)"
      ;;
    *) log "unknown database '$db' (h2 | mariadb)"; return 1 ;;
  esac
  log_file="$RESULTS_DIR/app-expert-draw-$db-$STAMP.log"
  gc_log="$RESULTS_DIR/gc-expert-draw-$db-$STAMP.log"
  props="$WORK/$db.properties"
  # MariaDB's statement counter (Questions): all clients of the shared server count, so meaningful on a quiet server only.
  local statements_command=""
  if [ -n "$admin" ]; then statements_command="$admin -N -e \"SHOW GLOBAL STATUS LIKE 'Questions'\""; fi
  tenders_file="$WORK/$db.tenders.csv"
  : >"$props"

  JAVA_OPTS="-Xmx$HEAP_MAX -Xlog:gc:file=$gc_log:time $EXTRA_JAVA_OPTS" bench_start_app "$label" "$port" "$log_file" "${env_args[@]}" || return 1
  R[$db.coldstart]="$(awk -v ms="$APP_COLDSTART_MS" 'BEGIN {printf "%.1f", ms / 1000}')"
  log "$label: health 200 after ${R[$db.coldstart]} s (heap limit -Xmx$HEAP_MAX)"
  local base="http://127.0.0.1:$port"
  R[$db.heapAfterStart]="$(heap_after_gc_mb "$APP_PID")"

  java -cp "$WORK/driver" ExpertDrawLoad prepare --base-url "$base" --label "$label" --specialties "$SPECIALTIES" \
    --codes-out "$WORK/codes.txt" --centers-out "$WORK/centers.txt" --out "$props" >&2 || { log "$label: prepare failed"; stop_app; return 1; }
  generate_pool

  local driver_pid
  java -cp "$WORK/driver" ExpertDrawLoad import --base-url "$base" --label "$label" --file "$WORK/pool.xlsx" --prefix xlsx \
    --gc-log "$gc_log" --out "$props" >&2 &
  driver_pid=$!; HELPER_PIDS+=("$driver_pid")
  wait "$driver_pid" || log "$label: the .xlsx import failed"
  R[$db.heapAfterImport]="$(heap_after_gc_mb "$APP_PID")"
  jcmd "$APP_PID" GC.class_histogram 2>/dev/null | sed -n "1,30p;\$p" >"$RESULTS_DIR/histogram-expert-draw-$db-$STAMP.txt" || true
  R[$db.rssAfterImport]="$(rss_mb "$APP_PID")"
  if [ "$REIMPORT_CSV" = true ]; then
    java -cp "$WORK/driver" ExpertDrawLoad import --base-url "$base" --label "$label" --file "$WORK/pool.csv" --prefix csv \
      --gc-log "$gc_log" --out "$props" >&2 &
    driver_pid=$!; HELPER_PIDS+=("$driver_pid")
    wait "$driver_pid" || log "$label: the .csv re-import failed"
  fi

  if [ "$DRAWS" = true ]; then
    java -cp "$WORK/driver" ExpertDrawLoad draws --base-url "$base" --label "$label" --codes "$WORK/codes.txt" \
      --employers "$WORK/employers.txt" --tenders-out "$tenders_file" --warmup-draws "$WARMUP_DRAWS" --latency-draws "$LATENCY_DRAWS" \
      --per-slot "$PER_SLOT" --concurrent "$CONCURRENT" --rounds "$ROUNDS" --attempts "$ATTEMPTS" --workstations "$WORKSTATIONS" \
      --declarations "$DECLARATIONS" --app-pid "$APP_PID" --db-pid "${db_pid:-0}" --clk-tck "$(getconf CLK_TCK)" \
      --run-id "${label^^}-$STAMP" --db-statements-command "$statements_command" --out "$props" >&2 &
    driver_pid=$!; HELPER_PIDS+=("$driver_pid")
    wait "$driver_pid" || log "$label: the draw driver failed"
  fi
  R[$db.heapAfterDraws]="$(heap_after_gc_mb "$APP_PID")"

  stop_app
  R[$db.logerrors]="$(grep -c -E '^[0-9T:.+-]+ +ERROR ' "$log_file" || true)"
  R[$db.jobexecutor]="$(grep -q 'ENGINE-14014' "$log_file" && echo 'ON (!)' || echo off)"
  R[$db.oom]="$(grep -c 'OutOfMemoryError' "$log_file" || true)"

  log "$label: counting from the tables"
  java -cp "$JDBC_CP" ExpertDrawLoad verify --jdbc-url "$jdbc_url" --db-user "$jdbc_user" \
    --db-password "$jdbc_password" --sealing-key "$BENCH_ENCRYPTION_KEY" --tenders "$tenders_file" --out "$props" >&2 || log "$label: the verification failed"

  local key value
  while IFS='=' read -r key value; do R[$db.$key]="$value"; done <"$props"
}

for db in "${DBS[@]}"; do
  run_db "$db" || log "$db: benchmark failed"
done

# --- summary ------------------------------------------------------------------------------------
v() { local x="${R[$1]:-}"; echo "${x:--}"; }
row() { printf '%-58s %22s %22s\n' "$1" "$(v h2.$2)" "$(v mariadb.$2)"; }
pair() { printf '%-58s %22s %22s\n' "$1" "$(v h2.$2) / $(v h2.$3)" "$(v mariadb.$2) / $(v mariadb.$3)"; }
triple() { printf '%-58s %22s %22s\n' "$1" "$(v h2.$2)/$(v h2.$3)/$(v h2.$4)" "$(v mariadb.$2)/$(v mariadb.$3)/$(v mariadb.$4)"; }

draw_rows() {
  local k="$1"
  row "  draws" "draws.$k.draw.count"
  row "  DRAW() p50 (ms)" "draws.$k.draw.p50"
  row "    p90 (ms)" "draws.$k.draw.p90"
  row "    P99 (ms)" "draws.$k.draw.p99"
  row "    max (ms)" "draws.$k.draw.max"
  triple "  executeJob (draw + lifecycle) p50/p99/max (ms)" "draws.$k.job.p50" "draws.$k.job.p99" "draws.$k.job.max"
  triple "  client (HTTP round trip) p50/p99/max (ms)" "draws.$k.client.p50" "draws.$k.client.p99" "draws.$k.client.max"
  row "  draws per second" "draws.$k.drawsPerSecond"
  pair "  failed attempts / draws still failed" "draws.$k.failedAttempts" "draws.$k.failedDraws"
  row "  app CPU (cores)" "draws.$k.appCpu"
  row "  mariadbd CPU (cores)" "draws.$k.dbCpu"
}

{
  echo "Expert pool and expert draw benchmark $STAMP: $ROWS experts, $SPECIALTIES specialties; heap limit -Xmx$HEAP_MAX;" \
       "single draws: $WARMUP_DRAWS warm-up + $LATENCY_DRAWS measured ($PER_SLOT per slot); $ROUNDS rounds of $CONCURRENT concurrent draws;" \
       "$WORKSTATIONS workstations per center; $DECLARATIONS declarations per tender"
  echo "machine: $(machine_description); MariaDB $(v mariadb.dbversion)"
  echo "load average before the run: $LOAD_BEFORE; jar built $JAR_BUILT"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$([ -n "$(git status --porcelain -- src 2>/dev/null)" ] && echo ' + uncommitted changes under src/')"
  echo
  printf '%-58s %22s %22s\n' "metric" "H2" "MariaDB"
  printf '%-58s %22s %22s\n' "--------------------------------------------------------" "----------------------" "----------------------"
  row "cold start to health 200 (s)" coldstart
  row "job executor" jobexecutor
  pair "specialties in the table before / added" specialties.before specialties.added
  echo "IMPORT of the .xlsx ($(v h2.xlsx.fileMB)/$(v mariadb.xlsx.fileMB) MB, SXSSF, shared strings: $SHARED_STRINGS)"
  row "  state" xlsx.state
  pair "  rows read / created" xlsx.rowsRead xlsx.created
  row "  WALL TIME, POST to final state (s)" xlsx.wallSeconds
  row "    upload answered (202) after (s)" xlsx.postSeconds
  pair "    validation (pass 1) / writing (pass 2) (s)" xlsx.validateSeconds xlsx.writeSeconds
  row "    server startedAt..finishedAt (s)" xlsx.serverSeconds
  row "  rows per second" xlsx.rowsPerSecond
  row "  heap used before the upload (MB, sampled)" xlsx.heap.baselineMB
  row "  PEAK HEAP USED, sampled every 200 ms (MB)" xlsx.heap.sampledPeakMB
  pair "  GC log in the window: peak before / after a GC (MB)" xlsx.gc.peakBeforeMB xlsx.gc.peakAfterMB
  pair "  GC log: collections (full) " xlsx.gc.count xlsx.gc.full
  row "  GC pauses in the window (s)" xlsx.gc.pauseSeconds
  row "  heap used after a GC: after the start (MB)" heapAfterStart
  row "    after the import (MB)" heapAfterImport
  row "  RSS after the import (MB)" rssAfterImport
  echo "RE-IMPORT of the same rows as .csv ($(v h2.csv.fileMB)/$(v mariadb.csv.fileMB) MB): every row found by its blind index, unchanged"
  row "  state" csv.state
  pair "  rows read / unchanged" csv.rowsRead csv.unchanged
  row "  wall time (s)" csv.wallSeconds
  pair "  validation / writing (s)" csv.validateSeconds csv.writeSeconds
  row "  peak heap used, sampled (MB)" csv.heap.sampledPeakMB
  pair "  GC log: peak before / after a GC (MB)" csv.gc.peakBeforeMB csv.gc.peakAfterMB
  echo "TENDERS"
  row "  venue draws: states" draws.venueDrawStates
  row "  ready for the expert draw" draws.readyForExpertDraw
  row "  declarations added (kind:HTTP status:count)" draws.declarations
  echo "SINGLE EXPERT DRAWS, one at a time (7 experts, 2 specialties, all exclusions)"
  draw_rows latency
  row "  MariaDB statements per draw request (Questions)" draws.latency.dbStatementsPerDraw
  echo "  inside draw(), per draw: mean / p99 (ms) and calls, by collaborator (rest: draw()'s own code)"
  for phase in $(printf '%s\n' "${R[h2.draws.latency.phases]:-}" "${R[mariadb.draws.latency.phases]:-}" | tr ' ' '\n' | sort -u); do
    [ -n "$phase" ] || continue
    printf '%-58s %22s %22s\n' "    $phase" \
      "$(v h2.draws.latency.phase.$phase.mean) / $(v h2.draws.latency.phase.$phase.p99) ($(v h2.draws.latency.phase.$phase.calls))" \
      "$(v mariadb.draws.latency.phase.$phase.mean) / $(v mariadb.draws.latency.phase.$phase.p99) ($(v mariadb.draws.latency.phase.$phase.calls))"
  done
  echo "  warm-up draws before them (not the figures):"
  triple "    draw() p50/p99/max (ms)" draws.warmup.draw.p50 draws.warmup.draw.p99 draws.warmup.draw.max
  echo "CONCURRENT: $CONCURRENT drawers, one half-day per round, all tenders of a round with the same 2 specialties"
  row "  rounds" draws.concurrent.rounds
  row "  DRAWS PER SECOND, median round" draws.concurrent.drawsPerSecond
  row "    per round" draws.concurrent.drawsPerSecond.all
  triple "  CLIENT latency p50/p99/max (ms)" draws.concurrent.client.p50 draws.concurrent.client.p99 draws.concurrent.client.max
  triple "  draw() (incl. waiting for the slot lock) p50/p99/max" draws.concurrent.draw.p50 draws.concurrent.draw.p99 draws.concurrent.draw.max
  triple "  executeJob p50/p99/max (ms)" draws.concurrent.job.p50 draws.concurrent.job.p99 draws.concurrent.job.max
  pair "  failed attempts / draws still failed" draws.concurrent.failedAttempts draws.concurrent.failedDraws
  row "  failure kinds" draws.concurrent.errorKinds
  row "  states afterwards" draws.concurrent.states
  pair "  round 1, inside draw(), mean ms: slot lock wait / exclusion rows" draws.concurrent1.phase.JdbcSeatBookings.lockSlot.mean draws.concurrent1.phase.CommitteeSeats.recordExclusions.mean
  row "  app CPU round 1 (cores)" draws.concurrent1.appCpu
  row "  mariadbd CPU round 1 (cores)" draws.concurrent1.dbCpu
  echo "COUNTED FROM THE TABLES (application stopped)"
  row "  DOUBLE BOOKINGS (expert_ref, busy_slot) > 1" verify.doubleBookings
  row "  seats held" verify.seatsHeld
  pair "  single draws: drawn / shortage" verify.latency.drawn verify.latency.shortage
  pair "  concurrent: drawn / shortage" verify.concurrent.drawn verify.concurrent.shortage
  pair "  drawn tenders without exactly 7 seats (single/conc.)" verify.latency.drawnWithoutExactSeats verify.concurrent.drawnWithoutExactSeats
  pair "  tenders not drawn holding seats (single/conc.)" verify.latency.seatedButNotDrawn verify.concurrent.seatedButNotDrawn
  pair "  drawn tenders without 1 expert draw record" verify.latency.drawnWithoutOneRecord verify.concurrent.drawnWithoutOneRecord
  row "  seats: expert works for the tenderer" verify.seats.employedByTenderer
  row "  seats: expert works for a bidder" verify.seats.employedByBidder
  row "  seats: declared relation with tenderer/bidder" verify.seats.declaredRelation
  row "  seats: took part in the project" verify.seats.earlierStage
  row "  seats: on leave that day / not active" verify.seats.onLeave
  row "  seats: wrong specialty / city not the seat's center" verify.seats.wrongSpecialty
  row "    city not the seat's center" verify.seats.cityNotCenter
  row "  tenders over the main-city cap / wrong specialty counts" verify.tenders.mainCityOverCap
  row "    wrong specialty counts" verify.tenders.specialtyCountsWrong
  row "  expert draw records" verify.expertDrawRecords
  row "  exclusions recorded, by rule" verify.exclusionsByRule
  pair "  per draw: exclusions / eligible candidates" verify.exclusionsPerDraw verify.eligiblePerDraw
  row "  SMS queued" verify.smsQueued
  row "  chain verification: intact" draws.chain.intact
  row "  chain verification: records" draws.chain.records
  pair "  pool: experts / history rows" verify.experts verify.expertHistory
  triple "  pool: specialties / cities / experts per group min" verify.expertSpecialties verify.expertCities verify.groupMin
  row "  heap used after a GC at the end (MB)" heapAfterDraws
  pair "  app log ERROR lines / OutOfMemoryError" logerrors oom
  echo
  echo "the drivers run on the same machine as the application and the database."
} | tee "$RESULT_FILE"
log "written to ${RESULT_FILE#"$ROOT"/}"
