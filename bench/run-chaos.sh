#!/usr/bin/env bash
# Chaos run: two nodes of the packaged jar (profile mysql, identical settings, one cluster) on one MariaDB
# database (remote_eval_chaos, recreated), a load driver (bench/ChaosLoad.java) taking N tenders through
# registration, venue draw, expert draw, answers, the evaluation day, the hand-overs and their deadlines,
# and the monthly report, while a killer sends kill -9 to one node at random moments and restarts it with
# the same command. Then a census of the tables (bench/chaos-census.sql): tenders lost or stuck, draws,
# bookings, seats, SMS and deadline firings doubled or missing, the draw chain, incidents, failed jobs and
# unfinished event publications. Exits 1 when something was lost or doubled.
#
# Phases:
#   1. run: N tenders registered by the centers' staff, evaluated, handed over; the sub-venues of LATE_PCT
#      percent of the sessions keep their material. MONTHS past months' reports are started meanwhile (their
#      deadlines are already due, so they fire at once). KILLS - SETTLE_KILLS kills, KILL_GAP_MIN..MAX s apart.
#   2. a week later: both nodes stopped and started with REMOTE_EVAL_CLOCK_OFFSET=$JUMP (business time ahead
#      of the wall clock); the deadlines of the held hand-overs fall due at once (reminder and breach), the
#      supervisors get the escalations, the held material is handed over LATE_HOLD s later and everything is
#      finished. SETTLE_KILLS kills, the first one 0-2 s after the first deadline firing in a node's log, on that node.
#   3. the draw chain verified by the operator's endpoint, both nodes stopped, the census.
#
# Usage: bash bench/run-chaos.sh       (N=1000: about 55 minutes on 2 cores; N=20 KILLS=0 for a first look)
# Knobs (environment): N=1000 CLIENTS=8 KILLS=3 SETTLE_KILLS=1 KILL_GAP_MIN=60 KILL_GAP_MAX=240 DOWN_MIN=2
#   DOWN_MAX=15 PER_SLOT=9 LATE_PCT=15 DECLINE_PCT=3 MONTHS=3 JUMP=P10D LATE_HOLD=180 RUN_TIMEOUT=7200
#   SETTLE_TIMEOUT=2400 START_TIMEOUT=600 A_PORT=18280 B_PORT=18281 JAVA_OPTS="-Xmx1g" REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
N="${N:-1000}"
CLIENTS="${CLIENTS:-8}"
KILLS="${KILLS:-3}"
SETTLE_KILLS="${SETTLE_KILLS:-1}"
[ "$SETTLE_KILLS" -gt "$KILLS" ] && SETTLE_KILLS="$KILLS"
KILL_GAP_MIN="${KILL_GAP_MIN:-60}"
KILL_GAP_MAX="${KILL_GAP_MAX:-240}"
DOWN_MIN="${DOWN_MIN:-2}"
DOWN_MAX="${DOWN_MAX:-15}"
PER_SLOT="${PER_SLOT:-9}"
LATE_PCT="${LATE_PCT:-15}"
DECLINE_PCT="${DECLINE_PCT:-3}"
MONTHS="${MONTHS:-3}"
JUMP="${JUMP:-P10D}"
LATE_HOLD="${LATE_HOLD:-180}"
RUN_TIMEOUT="${RUN_TIMEOUT:-7200}"
SETTLE_TIMEOUT="${SETTLE_TIMEOUT:-2400}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
# A first start on an empty database (Camunda's tables, Flyway, the demo pool) takes minutes on a busy machine.
export START_TIMEOUT="${START_TIMEOUT:-600}"
DB=remote_eval_chaos
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RUN_DIR="/tmp/remote-eval-chaos-$STAMP"
RESULT_FILE="$RESULTS_DIR/chaos-$STAMP.txt"

. bench/lib.sh
bench_init
mkdir -p "$RUN_DIR"

# Both nodes and the killer are tracked by pid files (the killer restarts nodes in its own subshell).
cleanup() {
  local pid f
  for pid in "${HELPER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for f in "$RUN_DIR"/pid-*; do [ -f "$f" ] && { APP_PID="$(cat "$f")"; stop_app; rm -f "$f"; }; done
  stop_app
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
}

# The clock-offset knob came with this benchmark: an older jar is rebuilt.
if [ -f "$JAR" ] && ! unzip -p "$JAR" BOOT-INF/classes/application.yml 2>/dev/null | grep -q 'clock-offset'; then REBUILD=true; fi
bench_prepare_jar cn.hlj.remoteeval.deadline.internal.DeadlineResync
javac -d "$WORK/driver" bench/ChaosLoad.java bench/Json.java
admin="$(prepare_bench_database "$DB")"

A_PORT="$(free_port "${A_PORT:-18280}")"
B_PORT="$(free_port "${B_PORT:-$((A_PORT + 1))}")"
[ "$B_PORT" = "$A_PORT" ] && B_PORT="$(free_port $((A_PORT + 1)))"
URLS="http://127.0.0.1:$A_PORT,http://127.0.0.1:$B_PORT"
SMS_SECRET="$(openssl rand -hex 16)"
# The mysql profile refuses the demo exchange key; both nodes are one province and share one key. A leading
# 1 keeps the scalar below the SM2 group order.
EXCHANGE_KEY="1$(openssl rand -hex 32 | cut -c2-)"
export BENCH_ENCRYPTION_KEY BENCH_INDEX_KEY
BENCH_ENCRYPTION_KEY="$(openssl rand -base64 32)"
BENCH_INDEX_KEY="$(openssl rand -base64 32)"
OFFSET=PT0S
# Today in the province: registration refuses earlier days. Tenders start tomorrow.
START_DATE="$(TZ=Asia/Shanghai date -d tomorrow +%F)"

# What makes the nodes identical: everything but the port and the stand-ins' output files (one handset
# file per node, so that the census can tell which node sent what). Demo accounts, directory and pool are
# seeded by whichever node wins the race; the expert draw runs at once (lead time longer than the run's
# dates) and the sub-venues' staff see their sessions for the whole date range.
node_env() {
  local name="$1"
  echo SPRING_PROFILES_ACTIVE=mysql REMOTE_EVAL_DB_NAME="$DB" \
    REMOTE_EVAL_DEMO_ACCOUNTS=true REMOTE_EVAL_DEMO_DIRECTORY=true REMOTE_EVAL_DEMO_POOL=true \
    REMOTE_EVAL_SMS_GATEWAY=file REMOTE_EVAL_SMS_FILE="$RUN_DIR/sms-$name.jsonl" \
    REMOTE_EVAL_VOICE_FILE="$RUN_DIR/voice-$name.jsonl" REMOTE_EVAL_SMS_INBOUND_SECRET="$SMS_SECRET" \
    REMOTE_EVAL_EXPERT_DRAW_LEAD_TIME=P400D REMOTE_EVAL_VENUE_SESSION_DAYS_AFTER=400 \
    REMOTE_EVAL_EXCHANGE_PRIVATE_KEY="$EXCHANGE_KEY" REMOTE_EVAL_CLOCK_OFFSET="$OFFSET"
}
node_port() { if [ "$1" = A ]; then echo "$A_PORT"; else echo "$B_PORT"; fi; }

# launch_node A|B: starts the node in the background (a new log file per start) and records its pid;
# await_node A|B: waits for its health 200. lib.sh's bench_start_app does both at once; the killer of phase 2
# must see the log before the node answers.
launch_node() {
  local name="$1" n
  n=$(( $(cat "$RUN_DIR/starts-$name" 2>/dev/null || echo 0) + 1 ))
  echo "$n" >"$RUN_DIR/starts-$name"
  echo "$RUN_DIR/node-$name-$n.log" >"$RUN_DIR/log-$name"
  echo "$(now_ms)" >"$RUN_DIR/t0-$name"
  log "node $name: starting (start $n, clock offset $OFFSET)"
  # shellcheck disable=SC2046,SC2086
  env REMOTE_EVAL_PERSONAL_DATA_ENCRYPTION_KEY="$BENCH_ENCRYPTION_KEY" REMOTE_EVAL_PERSONAL_DATA_INDEX_KEY="$BENCH_INDEX_KEY" \
    $(node_env "$name") PORT="$(node_port "$name")" java -Duser.timezone=Asia/Shanghai $JAVA_OPTS -jar "$APP_JAR" \
    >"$RUN_DIR/node-$name-$n.log" 2>&1 &
  echo $! >"$RUN_DIR/pid-$name"
}
await_node() {
  local name="$1" pid t0 code
  pid="$(cat "$RUN_DIR/pid-$name")"; t0="$(cat "$RUN_DIR/t0-$name")"
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$(node_port "$name")/actuator/health" || true)"
    [ "$code" = 200 ] && break
    if ! kill -0 "$pid" 2>/dev/null; then log "node $name exited; last lines:"; tail -20 "$(cat "$RUN_DIR/log-$name")" >&2; return 1; fi
    if [ $(( $(now_ms) - t0 )) -gt $(( START_TIMEOUT * 1000 )) ]; then log "node $name: no health 200 within $START_TIMEOUT s"; return 1; fi
    sleep 0.2
  done
  echo "$(date '+%F %T') node $name up (pid $pid, start $(cat "$RUN_DIR/starts-$name"), clock offset $OFFSET) in $(( ($(now_ms) - t0) / 1000 )) s" \
    >>"$RUN_DIR/events.log"
}
start_node() { launch_node "$1" && await_node "$1"; }
stop_node() {
  [ -f "$RUN_DIR/pid-$1" ] || return 0
  APP_PID="$(cat "$RUN_DIR/pid-$1")"; stop_app; rm -f "$RUN_DIR/pid-$1"
}
rand() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
# nap <s>: sleeps, but no longer than until the killer is told to stop.
nap() {
  local end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ] && [ ! -f "$RUN_DIR/stop-killing" ]; do sleep 1; done
}

# killer <kills> <first-gap-min> <first-gap-max>: kill -9 of a random node, a random few seconds down,
# restarted with the same command; stops early when $RUN_DIR/stop-killing appears.
killer() {
  local kills="$1" gap_min="$2" gap_max="$3" i node pid down
  for ((i = 1; i <= kills; i++)); do
    nap "$(rand "$gap_min" "$gap_max")"
    [ -f "$RUN_DIR/stop-killing" ] && break
    if [ $((RANDOM % 2)) = 0 ]; then node=A; else node=B; fi
    pid="$(cat "$RUN_DIR/pid-$node")"
    kill -KILL "$pid" 2>/dev/null || true
    down="$(rand "$DOWN_MIN" "$DOWN_MAX")"
    echo "$(date '+%F %T') kill -9 node $node (pid $pid), down $down s" >>"$RUN_DIR/events.log"
    log "kill -9 node $node (pid $pid); restarting in $down s"
    sleep "$down"
    start_node "$node" || log "node $node did not come back"
    gap_min="$KILL_GAP_MIN"; gap_max="$KILL_GAP_MAX"
  done
}

driver() {
  java -cp "$WORK/driver" ChaosLoad "$@" 2>&1 | tee -a "$RUN_DIR/driver.log" >&2 &
  local pid=$!
  HELPER_PIDS+=("$pid")
  wait "$pid"
}

T0="$(now_ms)"
log "run directory $RUN_DIR; nodes on $URLS; database $DB"
start_node A
start_node B
start_killer() {
  rm -f "$RUN_DIR/stop-killing"
  killer "$@" &
  KILLER_PID=$!
  HELPER_PIDS+=("$KILLER_PID")
}
stop_killer() {
  touch "$RUN_DIR/stop-killing"
  wait "$KILLER_PID" 2>/dev/null || true
}
common=(--urls "$URLS" --ids "$RUN_DIR/tenders.csv" --sms-files "$RUN_DIR/sms-A.jsonl,$RUN_DIR/sms-B.jsonl"
        --sms-secret "$SMS_SECRET" --clients "$CLIENTS" --late-pct "$LATE_PCT" --decline-pct "$DECLINE_PCT"
        --months "$MONTHS" --out "$RUN_DIR/driver.properties")

# --- 1. the load, with kills ------------------------------------------------------------------------------
case "$JUMP" in P[0-9]*D) JUMP_DAYS="${JUMP#P}"; JUMP_DAYS="${JUMP_DAYS%D}" ;; *) log "JUMP must be whole days (P10D)"; exit 2 ;; esac
log "phase 1: $N tenders from $START_DATE, $CLIENTS clients, $((KILLS - SETTLE_KILLS)) kills"
T1="$(now_ms)"
start_killer $((KILLS - SETTLE_KILLS)) 30 "$KILL_GAP_MAX"
driver run "${common[@]}" --tenders "$N" --start-date "$START_DATE" --per-slot "$PER_SLOT" --run-id "CH$STAMP" \
  --timeout "$RUN_TIMEOUT" || log "phase 1: the driver failed"
stop_killer
T2="$(now_ms)"

# --- 2. a week later ---------------------------------------------------------------------------------------
log "phase 2: both nodes restarted $JUMP later in business time; $SETTLE_KILLS kills while the deadlines fire"
stop_node A
stop_node B
OFFSET="$JUMP"
# Both at once: each re-maps the open deadlines at its start, and the burst of firings begins on the first one
# whose scheduler runs, a few seconds before it answers. The first kill of this phase lands in that burst: 0-2 s
# after the first firing in a log, on the node that fired.
launch_node A
launch_node B
if [ "$SETTLE_KILLS" -gt 0 ]; then
  victim=""
  for _ in $(seq 1 $((START_TIMEOUT * 5))); do
    for node in A B; do grep -q 'message correlated' "$(cat "$RUN_DIR/log-$node")" 2>/dev/null && { victim="$node"; break 2; }; done
    sleep 0.2
  done
  if [ -n "$victim" ]; then
    sleep "$((RANDOM % 3)).$((RANDOM % 10))"
    pid="$(cat "$RUN_DIR/pid-$victim")"
    fired="$(grep -c 'message correlated' "$(cat "$RUN_DIR/log-$victim")" || true)"
    kill -KILL "$pid" 2>/dev/null || true
    down="$(rand "$DOWN_MIN" "$DOWN_MAX")"
    echo "$(date '+%F %T') kill -9 node $victim (pid $pid) during the deadline firings ($fired fired there so far), down $down s"       >>"$RUN_DIR/events.log"
    log "kill -9 node $victim during the deadline firings; restarting in $down s"
    sleep "$down"
    launch_node "$victim"
  fi
fi
# Two nodes starting at once may fail one start (finding of 2026-12-07: the saved Tasklist filters are
# updated by both, OptimisticLockingException, "Application run failed"); that node is started again.
for node in A B; do
  if ! await_node "$node"; then
    echo "$(date '+%F %T') node $node failed to start (see $(cat "$RUN_DIR/log-$node")); started again" >>"$RUN_DIR/events.log"
    start_node "$node"
  fi
done
start_killer $((SETTLE_KILLS > 0 ? SETTLE_KILLS - 1 : 0)) 5 30
driver settle "${common[@]}" --clock-offset "$JUMP" --late-hold "$LATE_HOLD" --timeout "$SETTLE_TIMEOUT" \
  || log "phase 2: the driver failed"
stop_killer
T3="$(now_ms)"

# --- 3. the chain, then the census from the tables -----------------------------------------------------
CHAIN="$(curl -s -u demo:demo --max-time 600 "http://127.0.0.1:$A_PORT/api/draws/chain-verification" \
  || curl -s -u demo:demo --max-time 600 "http://127.0.0.1:$B_PORT/api/draws/chain-verification" || echo '{}')"
stop_node A
stop_node B
NOW_BUSINESS="$(TZ=Asia/Shanghai date -d "+$JUMP_DAYS days" '+%F %T')"

{
  echo "DROP TABLE IF EXISTS chaos_ack;"
  echo "CREATE TABLE chaos_ack (id VARCHAR(36) PRIMARY KEY, section_code VARCHAR(64), how VARCHAR(8));"
  awk -F, 'NF >= 7 {printf "INSERT IGNORE INTO chaos_ack VALUES (\x27%s\x27, \x27%s\x27, \x27%s\x27);\n", $3, $2, $7}' \
    "$RUN_DIR/tenders.csv" 2>/dev/null || true
  # The invitations the experts answered (whatever the node said): a seat of one still INVITED lost its answer.
  echo "DROP TABLE IF EXISTS chaos_answered;"
  echo "CREATE TABLE chaos_answered (seat_id VARCHAR(36) PRIMARY KEY);"
  sed -n 's/^invite:\(.*\)$/INSERT IGNORE INTO chaos_answered VALUES (\x27\1\x27);/p' "$RUN_DIR/answered.txt" 2>/dev/null || true
} | $admin "$DB"
$admin -N -B "$DB" -e "SET @now = '$NOW_BUSINESS'; $(cat bench/chaos-census.sql)" >"$RUN_DIR/census.tsv" \
  || log "the census query failed"

sms_lines() { cat "$RUN_DIR"/sms-*.jsonl 2>/dev/null | grep -c . || true; }
sms_twice="$(cat "$RUN_DIR"/sms-*.jsonl 2>/dev/null | grep -oE '"idempotencyKey":"[^"]*"' | sort | uniq -d | wc -l)"
json_field() { echo "$2" | grep -oE "\"$1\":\"?[^,\"}]*" | head -1 | sed -E 's/^"[^"]+":"?//'; }
kills_done="$(grep -c 'kill -9' "$RUN_DIR/events.log" || true)"
errors_of() { cat "$RUN_DIR"/node-"$1"-*.log 2>/dev/null | grep -c -E '^[0-9T:.+-]+ +ERROR ' || true; }
prop() { grep -E "^$1=" "$RUN_DIR/driver.properties" 2>/dev/null | tail -1 | cut -d= -f2- || true; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.0f", ms / 1000}'; }

{
  echo "Chaos run $STAMP: two nodes (mysql profile) on MariaDB $DB, N=$N tenders, $CLIENTS clients"
  echo "machine: $(machine_description); MariaDB $($admin -N -e 'SELECT VERSION()')"
  echo "load average before the run: $LOAD_BEFORE; jar built $JAR_BUILT; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "knobs: KILLS=$KILLS (settle $SETTLE_KILLS) KILL_GAP=$KILL_GAP_MIN..$KILL_GAP_MAX DOWN=$DOWN_MIN..$DOWN_MAX PER_SLOT=$PER_SLOT LATE_PCT=$LATE_PCT DECLINE_PCT=$DECLINE_PCT MONTHS=$MONTHS JUMP=$JUMP LATE_HOLD=$LATE_HOLD"
  echo "logs: $RUN_DIR"
  echo
  echo "events:"; sed 's/^/  /' "$RUN_DIR/events.log"
  echo
  printf '%-80s %s\n' "figure" "value"
  printf '%-80s %s\n' "duration: load / a week later / total (s)" "$(secs $((T2 - T1))) / $(secs $((T3 - T2))) / $(secs $(( $(now_ms) - T0 )))"
  printf '%-80s %s\n' "kill -9 done" "$kills_done"
  printf '%-80s %s\n' "driver finished in time: load / a week later" "$(prop run.complete) / $(prop settle.complete)"
  printf '%-80s %s\n' "requests failed over to the other node (load + later)" "$(prop run.failovers) + $(prop settle.failovers)"
  printf '%-80s %s\n' "tender states seen by the driver at the end" "$(prop states)"
  awk -F'\t' '!/^detail / {printf "%-80s %s\n", $1, ($2 == "NULL" ? "-" : $2)}' "$RUN_DIR/census.tsv"
  printf '%-80s %s\n' "SMS lines written by the file gateways (A + B)" "$(sms_lines)"
  printf '%-80s %s\n' "SMS handed to the gateway twice (same idempotency key; a provider drops the 2nd)" "$sms_twice"
  printf '%-80s %s\n' "draw chain: records, intact, first broken" "$(json_field records "$CHAIN"), $(json_field intact "$CHAIN"), $(json_field firstBrokenSeq "$CHAIN")"
  printf '%-80s %s\n' "ERROR log lines: node A / node B" "$(errors_of A) / $(errors_of B)"
  echo
  echo "driver counters:"; grep -E '\.(done|errors)\.' "$RUN_DIR/driver.properties" 2>/dev/null | sed 's/^/  /' || true
  if grep -q '^detail ' "$RUN_DIR/census.tsv"; then
    echo; echo "details:"; grep '^detail ' "$RUN_DIR/census.tsv" | sed -E 's/^detail /  /; s/\t/  /'
  fi
} | tee "$RESULT_FILE"
cp "$RUN_DIR/events.log" "$RESULTS_DIR/chaos-$STAMP-events.log" 2>/dev/null || true
log "written to ${RESULT_FILE#"$ROOT"/}"

bad="$(awk -F'\t' '/^(LOST|DOUBLED)/ && $2 + 0 > 0 {print}' "$RUN_DIR/census.tsv")"
if [ -n "$bad" ] || [ "$(json_field intact "$CHAIN")" != true ]; then
  log "lost or doubled: ${bad:-none}; chain intact: $(json_field intact "$CHAIN")"
  exit 1
fi
