#!/usr/bin/env bash
# Cross-province exchange benchmark: two instances of the packaged application on this machine, HL (the
# default profile) and JL (the partner profile), each with its own new H2 database in a temporary
# directory and a free port, each entered in the other's partner register (remote-eval.demo-partner).
# Driven by bench/ExchangeLoad.java:
#   1. round trip: N cross-province tenders registered on HL by 8 clients; each one's SUB_VENUE_REQUEST
#      goes to JL, JL books sub-venue seats and answers SUB_VENUE_OFFER, HL books its main venue seat and
#      the tender reaches AWAITING_EXPERT_DRAW (then SUB_VENUE_ACCEPTANCE goes back). Messages per second
#      each way, and the round trip (registration's answer -> AWAITING_EXPERT_DRAW) p50/p90/p99/max.
#   2. backlog drain: JL stopped, BACKLOG tenders registered on HL (their requests queue in HL's outbox),
#      JL kept down DOWN_SECONDS (counted from its stop), restarted on the same database and port; the time
#      from JL's health UP until the backlog is delivered, HL's outbox for JL is empty, every tender is
#      AWAITING_EXPERT_DRAW and both sides are quiet. Dead letters and inbox failures on both sides.
#   3. CPU seconds of each process in each phase.
# Prints a summary, also written to bench/results/exchange-<date>.txt (with both applications' logs).
#
# Usage: bash bench/run-exchange.sh      (16-20 minutes with the defaults; DOWN_SECONDS=60 N=100 BACKLOG=200 for a quick run)
# Knobs (environment): N=400 BACKLOG=1000 DOWN_SECONDS=600 THREADS=8 PER_SLOT=8 POLL_MS=500
#                      PHASE_TIMEOUT=600 DRAIN_TIMEOUT=900 HL_PORT=18180 JL_PORT=18181 JAVA_OPTS="" REBUILD=false
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
N="${N:-400}"
BACKLOG="${BACKLOG:-1000}"
DOWN_SECONDS="${DOWN_SECONDS:-600}"
THREADS="${THREADS:-8}"
PER_SLOT="${PER_SLOT:-8}"          # tenders per half-day: JL hosts 4 seats each at PROV/HRB/QQHR (12 each) = 9 at most
POLL_MS="${POLL_MS:-500}"
PHASE_TIMEOUT="${PHASE_TIMEOUT:-600}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-900}"
JAVA_OPTS="${JAVA_OPTS:-}"
RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
RESULT_FILE="$RESULTS_DIR/exchange-$STAMP.txt"

. bench/lib.sh
bench_init

# lib.sh knows one application (APP_PID); here there are two. The trap stops both.
HL_PID=""
JL_PID=""
cleanup() {
  local pid
  for pid in "${HELPER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_app   # an application whose start failed (bench_start_app leaves it in APP_PID)
  for pid in "$JL_PID" "$HL_PID"; do
    if [ -n "$pid" ]; then APP_PID="$pid"; stop_app; fi
  done
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
}
stop_pid() { APP_PID="$1"; stop_app; }

bench_prepare_jar cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox
javac -d "$WORK/driver" bench/ExchangeLoad.java bench/Json.java

HL_PORT="$(free_port "${HL_PORT:-18180}")"
JL_PORT="$(free_port "${JL_PORT:-$((HL_PORT + 1))}")"
[ "$JL_PORT" = "$HL_PORT" ] && JL_PORT="$(free_port $((HL_PORT + 1)))"
HL_URL="http://127.0.0.1:$HL_PORT"
JL_URL="http://127.0.0.1:$JL_PORT"
HL_LOG="$RESULTS_DIR/app-exchange-hl-$STAMP.log"
JL_LOG="$RESULTS_DIR/app-exchange-jl-$STAMP.log"
JL_LOG2="$RESULTS_DIR/app-exchange-jl-restarted-$STAMP.log"
mkdir -p "$WORK/hl" "$WORK/jl"
HZ="$(getconf CLK_TCK)"

declare -A R

# HL: server.port is ${PORT}, its partner's address ${PARTNER_PORT}.
start_hl() {
  bench_start_app HL "$HL_PORT" "$HL_LOG" SPRING_PROFILES_ACTIVE=default REMOTE_EVAL_DATA_DIR="$WORK/hl" \
    PARTNER_PORT="$JL_PORT" || return 1
  HL_PID="$APP_PID"; APP_PID=""
}
# JL: the partner profile's server.port is ${PARTNER_PORT}, its partner's address ${PORT}. bench_start_app
# sets PORT to the port it checks, JL's own; -DPORT (a system property, ahead of the environment in Spring's
# order) gives JL HL's port for the address.
start_jl() {
  JAVA_OPTS="$JAVA_OPTS -DPORT=$HL_PORT" bench_start_app JL "$JL_PORT" "$1" SPRING_PROFILES_ACTIVE=partner \
    REMOTE_EVAL_PARTNER_DATA_DIR="$WORK/jl" REMOTE_EVAL_DATA_DIR="$WORK/jl" PARTNER_PORT="$JL_PORT" || return 1
  JL_PID="$APP_PID"; APP_PID=""
}

# The driver runs in the background and is waited for, so that a signal to this script is handled at once.
driver() {
  java -cp "$WORK/driver" ExchangeLoad "$@" >&2 &
  local pid=$!
  HELPER_PIDS+=("$pid")
  wait "$pid"
}

# cpu <pid>: CPU seconds used so far by the process (0 when it is gone).
cpu() { awk -v t="$(cpu_ticks "${1:-0}")" -v hz="$HZ" 'BEGIN {printf "%.1f", t / hz}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a - b}'; }
read_props() {  # read_props <file>: key=value lines into R
  local key value
  [ -f "$1" ] || return 0
  while IFS='=' read -r key value; do R[$key]="$value"; done <"$1"
}

# --- start both ------------------------------------------------------------------------------------
start_jl "$JL_LOG"
R[jl.coldstart]="$(awk -v ms="$APP_COLDSTART_MS" 'BEGIN {printf "%.1f", ms / 1000}')"
start_hl
R[hl.coldstart]="$(awk -v ms="$APP_COLDSTART_MS" 'BEGIN {printf "%.1f", ms / 1000}')"
log "HL on $HL_URL (pid $HL_PID, up in ${R[hl.coldstart]} s), JL on $JL_URL (pid $JL_PID, up in ${R[jl.coldstart]} s)"
sleep 3
java -cp "$WORK/driver" ExchangeLoad status --hl "$HL_URL" --jl "$JL_URL" >&2 || log "exchange status not readable"

# --- 1. round trip ---------------------------------------------------------------------------------
log "phase 1: $N cross-province tenders on HL by $THREADS clients"
h0="$(cpu "$HL_PID")"; j0="$(cpu "$JL_PID")"; t0="$(now_ms)"
driver roundtrip --hl "$HL_URL" --jl "$JL_URL" --tenders "$N" --threads "$THREADS" --start-date 2031-01-06 \
  --per-slot "$PER_SLOT" --poll-ms "$POLL_MS" --timeout "$PHASE_TIMEOUT" --run-id "RT$STAMP" --out "$WORK/rt.properties" \
  || log "phase 1: the driver failed"
R[rt.hlcpu]="$(minus "$(cpu "$HL_PID")" "$h0")"; R[rt.jlcpu]="$(minus "$(cpu "$JL_PID")" "$j0")"
R[rt.elapsed]="$(awk -v ms="$(( $(now_ms) - t0 ))" 'BEGIN {printf "%.1f", ms / 1000}')"
read_props "$WORK/rt.properties"

# --- 2. backlog drain ------------------------------------------------------------------------------
log "phase 2: stopping JL, $BACKLOG tenders on HL, JL down ${DOWN_SECONDS} s"
j_total_before_stop="$(cpu "$JL_PID")"
stop_pid "$JL_PID"; JL_PID=""
down_at="$(now_ms)"
h0="$(cpu "$HL_PID")"
driver register --hl "$HL_URL" --tenders "$BACKLOG" --threads "$THREADS" --start-date 2032-01-05 --per-slot "$PER_SLOT" \
  --run-id "BL$STAMP" --ids "$WORK/backlog.ids" --out "$WORK/bl.properties" || log "phase 2: the registering driver failed"
read_props "$WORK/bl.properties"
R[bl.hlcpu]="$(minus "$(cpu "$HL_PID")" "$h0")"
left=$(( DOWN_SECONDS - ($(now_ms) - down_at) / 1000 ))
if [ "$left" -gt 0 ]; then
  log "phase 2: JL stays down another $left s"
  h0="$(cpu "$HL_PID")"
  sleep "$left" & HELPER_PIDS+=($!); wait $!
  R[bl.hlidlecpu]="$(minus "$(cpu "$HL_PID")" "$h0")"
fi
R[dr.down]="$(awk -v ms="$(( $(now_ms) - down_at ))" 'BEGIN {printf "%.0f", ms / 1000}')"
java -cp "$WORK/driver" ExchangeLoad status --hl "$HL_URL" >&2 || true
log "phase 2: restarting JL on the same database and port"
start_jl "$JL_LOG2"
up_at="$(now_ms)"
R[jl.restart]="$(awk -v ms="$APP_COLDSTART_MS" 'BEGIN {printf "%.1f", ms / 1000}')"
h0="$(cpu "$HL_PID")"; j0="$(cpu "$JL_PID")"
driver drain --hl "$HL_URL" --jl "$JL_URL" --ids "$WORK/backlog.ids" --since-ms "$up_at" --poll-ms "$POLL_MS" \
  --timeout "$DRAIN_TIMEOUT" --out "$WORK/dr.properties" || log "phase 2: the drain driver failed"
R[dr.hlcpu]="$(minus "$(cpu "$HL_PID")" "$h0")"; R[dr.jlcpu]="$(minus "$(cpu "$JL_PID")" "$j0")"
R[dr.jlcpustart]="$j0"
read_props "$WORK/dr.properties"

# --- stop, logs ------------------------------------------------------------------------------------
R[hl.rss]="$(rss_mb "$HL_PID")"; R[jl.rss]="$(rss_mb "$JL_PID")"
R[hl.cputotal]="$(cpu "$HL_PID")"; R[jl.cputotal]="$(minus "$(cpu "$JL_PID")" "-$j_total_before_stop")"
stop_pid "$JL_PID"; JL_PID=""
stop_pid "$HL_PID"; HL_PID=""
# Each database once more, both applications stopped: Spring Modulith's event publications never completed
# (an asynchronous listener that failed is not tried again before the next start).
unzip -p "$APP_JAR" 'BOOT-INF/lib/h2-*.jar' >"$WORK/h2.jar" 2>/dev/null || true
h2_count() {
  java -cp "$WORK/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$1/remote-eval" -user sa -password "" -sql "$2" 2>/dev/null \
    | awk 'NR == 2 {print $1}'
}
for side in hl jl; do
  R[$side.incomplete]="$(h2_count "$WORK/$side" 'SELECT COUNT(*) AS N FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL')"
  R[$side.incompletewhat]="$(java -cp "$WORK/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/$side/remote-eval" -user sa \
    -password "" -sql "SELECT REGEXP_REPLACE(LISTENER_ID, 'cn\\.hlj\\.remoteeval\\.[a-z.]*\\.', '') AS L, COUNT(*) AS N
      FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL GROUP BY LISTENER_ID" \
    2>/dev/null | awk -F' *\\| *' 'NR > 1 && NF == 2 {printf "%s%s x%s", sep, $1, $2; sep = ", "}')"
done
for side in hl jl; do
  for f in "$WORK/$side"/*.trace.db; do
    if [ -f "$f" ]; then
      R[$side.trace]="$(du -k "$f" | cut -f1) KB"
      cp "$f" "$RESULTS_DIR/exchange-$STAMP-$side.trace.db"
    fi
  done
done
# log_count <level> <files...>: ERROR or WARN lines. log_top <level> <files...>: the most frequent, numbers and ids blanked.
log_count() { cat "${@:2}" 2>/dev/null | grep -c -E "^[0-9T:.+-]+ +$1 " || true; }
log_top() {
  cat "${@:2}" 2>/dev/null | grep -E "^[0-9T:.+-]+ +$1 " | sed -E 's/^[^ ]+ +[A-Z]+ +[0-9]+ --- (\[[^]]*\] *)*//' \
    | sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<id>/g; s/[0-9]+/N/g' | cut -c1-160 \
    | sort | uniq -c | sort -rn | head -4
}
R[hl.errors]="$(log_count ERROR "$HL_LOG")"; R[hl.warns]="$(log_count WARN "$HL_LOG")"
R[jl.errors]="$(log_count ERROR "$JL_LOG" "$JL_LOG2")"; R[jl.warns]="$(log_count WARN "$JL_LOG" "$JL_LOG2")"

# --- summary ---------------------------------------------------------------------------------------
v() { local x="${R[$1]:-}"; echo "${x:--}"; }
{
  echo "Cross-province exchange benchmark $STAMP (HL default profile <-> JL partner profile, H2 files, one machine)"
  echo "machine: $(machine_description)"
  echo "load average before the run: $LOAD_BEFORE; jar built $JAR_BUILT"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$([ -n "$(git status --porcelain -- src 2>/dev/null)" ] && echo ' + uncommitted changes under src/')"
  echo "knobs: N=$N BACKLOG=$BACKLOG DOWN_SECONDS=$DOWN_SECONDS THREADS=$THREADS PER_SLOT=$PER_SLOT POLL_MS=$POLL_MS"
  echo "cold start to health 200: JL $(v jl.coldstart) s, HL $(v hl.coldstart) s; JL restart $(v jl.restart) s"
  echo
  echo "1. round trip: $(v rt.tenders) tenders registered on HL (errors $(v rt.regErrors), not cross-province $(v rt.notCross))"
  echo "   registrations                     $(v rt.regSeconds) s, $(v rt.regRate)/s, latency p50 $(v rt.regP50) ms, p99 $(v rt.regP99) ms"
  echo "   wall time (first registration -> last delivery seen) $(v rt.wallSeconds) s (last tender arranged after $(v rt.arrangedSeconds) s; all arranged: $(v rt.complete))"
  echo "   HL->JL delivered                  $(v rt.hlToJl) = $(v rt.hlToJlRate) msgs/s over the wall time, peak 5 s $(v rt.hlToJlPeak) msgs/s"
  echo "   JL->HL delivered                  $(v rt.jlToHl) = $(v rt.jlToHlRate) msgs/s over the wall time, peak 5 s $(v rt.jlToHlPeak) msgs/s"
  echo "   round trip (ms), $(v rt.arranged) tenders   p50 $(v rt.p50)  p90 $(v rt.p90)  p99 $(v rt.p99)  max $(v rt.max)"
  echo "   tenders not arranged              $(v rt.stuck)  (states: $(v rt.states))"
  echo "   dead letters / inbox failures     $(v rt.deadLetters)  (HL out $(v rt.hl.out) in $(v rt.hl.in); JL out $(v rt.jl.out) in $(v rt.jl.in))"
  echo "   CPU seconds                       HL $(v rt.hlcpu), JL $(v rt.jlcpu) (phase $(v rt.elapsed) s)"
  echo
  echo "2. backlog drain: JL down $(v dr.down) s; $(v bl.tenders) tenders registered on HL meanwhile (errors $(v bl.regErrors), not cross-province $(v bl.notCross))"
  echo "   registrations                     $(v bl.regSeconds) s, $(v bl.regRate)/s, latency p50 $(v bl.regP50) ms, p99 $(v bl.regP99) ms"
  echo "   HL's outbox for JL before JL's restart: $(v bl.queued)"
  echo "   backlog at JL's restart           $(v dr.backlog) messages HL->JL"
  echo "   after JL's health UP (s):  first delivery $(v dr.firstDelivery) | backlog delivered $(v dr.backlogDelivered) | HL outbox for JL empty $(v dr.hlEmpty)"
  echo "                              all tenders AWAITING_EXPERT_DRAW $(v dr.allArranged) (last arrangedAt; poll saw it at $(v dr.allArrangedPoll)) | both sides quiet $(v dr.quiet)"
  echo "   backlog delivery rate             $(v dr.backlogRate) msgs/s HL->JL (from the first delivery to the last of the backlog)"
  echo "   delivered during the drain        HL->JL $(v dr.hlToJl), JL->HL $(v dr.jlToHl)"
  echo "   arranged after JL's UP (ms)       p50 $(v dr.p50)  p99 $(v dr.p99)  max $(v dr.max)  ($(v dr.arranged) tenders)"
  echo "   tenders not arranged              $(v dr.stuck)  (states: $(v dr.states))"
  echo "   dead letters / inbox failures     $(v dr.deadLetters)  (HL out $(v dr.hl.out) in $(v dr.hl.in); JL out $(v dr.jl.out) in $(v dr.jl.in))"
  echo "   CPU seconds                       registering: HL $(v bl.hlcpu); JL down: HL $(v bl.hlidlecpu); drain: HL $(v dr.hlcpu), JL $(v dr.jlcpu) (JL's start: $(v dr.jlcpustart))"
  echo
  echo "RSS at the end: HL $(v hl.rss) MB, JL $(v jl.rss) MB; CPU seconds in all: HL $(v hl.cputotal), JL $(v jl.cputotal)"
  echo "event publications never completed (after the run): HL $(v hl.incomplete) $(v hl.incompletewhat); JL $(v jl.incomplete) $(v jl.incompletewhat)"
  echo "H2 .trace.db files: HL $(v hl.trace), JL $(v jl.trace) (copied to bench/results/exchange-$STAMP-*.trace.db)"
  echo "log lines: HL ERROR $(v hl.errors) WARN $(v hl.warns); JL ERROR $(v jl.errors) WARN $(v jl.warns) (bench/results/app-exchange-*-$STAMP.log)"
  for side in HL JL; do
    if [ "$side" = HL ]; then files=("$HL_LOG"); else files=("$JL_LOG" "$JL_LOG2"); fi
    for level in ERROR WARN; do
      top="$(log_top "$level" "${files[@]}" || true)"   # grep finds nothing: no ERROR lines (pipefail)
      [ -n "$top" ] && { echo "  $side $level, most frequent:"; echo "$top" | sed 's/^/    /'; }
    done
  done
  echo "the driver runs on the same machine as both applications."
} | tee "$RESULT_FILE"
log "written to ${RESULT_FILE#"$ROOT"/}"
