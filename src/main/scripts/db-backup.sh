#!/usr/bin/env bash
# Backs up and restores the whole remote-eval database: the application's tables, Flyway's history,
# Camunda's ACT_* and Quartz's QRTZ_* tables together, so that running processes and open deadlines
# survive. See src/docs/operations/backup-restore.md.
#
#   db-backup.sh [--db mysql|h2] backup  DUMP_FILE
#   db-backup.sh [--db mysql|h2] restore [--force] DUMP_FILE
#
# The database is the application's, from the same variables: REMOTE_EVAL_DB_HOST, _PORT, _NAME,
# _USER, _PASSWORD (mysql); REMOTE_EVAL_DB_URL or REMOTE_EVAL_DATA_DIR, _USER, _PASSWORD and
# REMOTE_EVAL_H2_JAR (h2).
# Without --db: mysql when SPRING_PROFILES_ACTIVE names the mysql profile, else h2.
set -euo pipefail

log() { echo "[db-backup] $*" >&2; }
fail() { log "$*"; exit 1; }
usage() {
  sed -n '6,7p' "$0" | sed 's/^# *//' >&2
  exit 2
}

KIND=""
if [ "${1:-}" = "--db" ]; then
  KIND="${2:-}"
  shift 2 || usage
fi
if [ -z "$KIND" ]; then
  case ",${SPRING_PROFILES_ACTIVE:-}," in
    *,mysql,*) KIND=mysql ;;
    *) KIND=h2 ;;
  esac
fi
COMMAND="${1:-}"
shift || usage
FORCE=false
if [ "$COMMAND" = restore ] && [ "${1:-}" = "--force" ]; then
  FORCE=true
  shift
fi
[ $# -eq 1 ] || usage
DUMP="$1"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------- MySQL / MariaDB

mysql_setup() {
  DB_HOST="${REMOTE_EVAL_DB_HOST:-127.0.0.1}"
  DB_PORT="${REMOTE_EVAL_DB_PORT:-3306}"
  DB_NAME="${REMOTE_EVAL_DB_NAME:-remote_eval}"
  DB_USER="${REMOTE_EVAL_DB_USER:-remote_eval}"
  DB_PASSWORD="${REMOTE_EVAL_DB_PASSWORD:-remote_eval}"
  DUMP_TOOL="$(command -v mariadb-dump || command -v mysqldump || true)"
  CLIENT="$(command -v mariadb || command -v mysql || true)"
  [ -n "$CLIENT" ] || fail "neither mariadb nor mysql (the client) is installed"
  # A password on the command line would show in the process list.
  CREDENTIALS="$WORK/client.cnf"
  local quoted="${DB_PASSWORD//\\/\\\\}"
  quoted="${quoted//\"/\\\"}"
  (umask 077 && printf '[client]\nuser=%s\npassword="%s"\nhost=%s\nport=%s\nprotocol=TCP\n' \
    "$DB_USER" "$quoted" "$DB_HOST" "$DB_PORT" >"$CREDENTIALS")
}

mysql_client() {
  "$CLIENT" --defaults-extra-file="$CREDENTIALS" --default-character-set=utf8mb4 "$@"
}

mysql_table_count() {
  mysql_client --batch --skip-column-names -e \
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$DB_NAME'"
}

mysql_backup() {
  [ -n "$DUMP_TOOL" ] || fail "neither mariadb-dump nor mysqldump is installed"
  local extra=()
  # MySQL's own mysqldump writes GTID_PURGED by default, which a restore into another server refuses.
  if ! "$DUMP_TOOL" --version | grep -qi mariadb; then
    extra+=(--set-gtid-purged=OFF)
  fi
  log "dumping $DB_NAME on $DB_HOST:$DB_PORT into $DUMP"
  # One consistent snapshot of every InnoDB table: Camunda, Quartz and the application's tables agree.
  # No --databases: the dump names no database, so it restores into any (empty) one.
  "$DUMP_TOOL" --defaults-extra-file="$CREDENTIALS" --single-transaction --routines --triggers --hex-blob \
    --default-character-set=utf8mb4 --no-tablespaces "${extra[@]}" "$DB_NAME" >"$DUMP.partial"
  tail -n 1 "$DUMP.partial" | grep -q '^-- Dump completed' || fail "the dump did not complete; $DUMP.partial kept"
  mv "$DUMP.partial" "$DUMP"
  log "done: $(grep -c '^CREATE TABLE' "$DUMP") tables"
}

mysql_drop_everything() {
  local statements
  statements="$(mysql_client --batch --skip-column-names -e \
    "SELECT CONCAT('DROP ', IF(table_type = 'VIEW', 'VIEW', 'TABLE'), ' \`', table_name, '\`;')
       FROM information_schema.tables WHERE table_schema = '$DB_NAME'")"
  mysql_client "$DB_NAME" -e "SET FOREIGN_KEY_CHECKS = 0; $statements"
}

mysql_restore() {
  [ -f "$DUMP" ] || fail "no dump file $DUMP"
  tail -n 1 "$DUMP" | grep -q '^-- Dump completed' || fail "$DUMP is not a complete mariadb-dump/mysqldump file"
  local tables
  tables="$(mysql_table_count)"
  if [ "$tables" != 0 ]; then
    [ "$FORCE" = true ] || fail "refused: database $DB_NAME on $DB_HOST:$DB_PORT is not empty ($tables tables); restore into an empty database, or pass --force to drop them"
    log "--force: dropping the $tables tables of $DB_NAME"
    mysql_drop_everything
  fi
  log "restoring $DUMP into $DB_NAME on $DB_HOST:$DB_PORT"
  mysql_client "$DB_NAME" <"$DUMP"
  log "done: $(mysql_table_count) tables"
}

# ---------------------------------------------------------------- H2 (embedded, development)

h2_setup() {
  DB_URL="${REMOTE_EVAL_DB_URL:-jdbc:h2:file:${REMOTE_EVAL_DATA_DIR:-./data}/remote-eval;DB_CLOSE_ON_EXIT=FALSE}"
  DB_USER="${REMOTE_EVAL_DB_USER:-sa}"
  DB_PASSWORD="${REMOTE_EVAL_DB_PASSWORD:-}"
  case "$DB_URL" in
    jdbc:h2:file:*) ;;
    *) fail "only an H2 file database can be backed up this way, not $DB_URL" ;;
  esac
  H2_FILE="${DB_URL#jdbc:h2:file:}"
  H2_FILE="${H2_FILE%%;*}.mv.db"
  H2_JAR="${REMOTE_EVAL_H2_JAR:-}"
  if [ -z "$H2_JAR" ]; then
    H2_JAR="$(ls -1 "${HOME}"/.m2/repository/com/h2database/h2/*/h2-*.jar 2>/dev/null | grep -v sources | sort -V | tail -n 1 || true)"
  fi
  [ -n "$H2_JAR" ] && [ -f "$H2_JAR" ] || fail "no H2 jar: set REMOTE_EVAL_H2_JAR to the h2-<version>.jar the application ships"
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
}

h2_tool() {
  local tool="$1"
  shift
  "$JAVA" -cp "$H2_JAR" "org.h2.tools.$tool" -user "$DB_USER" -password "$DB_PASSWORD" "$@"
}

h2_table_count() {
  if [ ! -f "$H2_FILE" ]; then
    echo 0
    return
  fi
  h2_tool Shell -url "$DB_URL;IFEXISTS=TRUE" \
    -sql "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'" | sed -n 2p
}

h2_backup() {
  [ -f "$H2_FILE" ] || fail "no H2 database at $H2_FILE"
  log "dumping $H2_FILE into $DUMP (the application must be stopped: H2 locks its file)"
  # SCRIPT reads one database that nothing else writes (the file lock guarantees it), so the dump is consistent.
  h2_tool Script -url "$DB_URL;IFEXISTS=TRUE" -script "$DUMP.partial" \
    || fail "H2 could not open the database; is the application still running?"
  mv "$DUMP.partial" "$DUMP"
  log "done: $(grep -c '^CREATE .*TABLE' "$DUMP") tables"
}

h2_restore() {
  [ -f "$DUMP" ] || fail "no dump file $DUMP"
  local tables
  tables="$(h2_table_count)" || fail "H2 could not open $H2_FILE; is the application still running?"
  if [ "$tables" != 0 ]; then
    [ "$FORCE" = true ] || fail "refused: the H2 database $H2_FILE is not empty ($tables tables); restore into an empty database, or pass --force to drop them"
    log "--force: dropping everything in $H2_FILE"
    h2_tool Shell -url "$DB_URL;IFEXISTS=TRUE" -sql "DROP ALL OBJECTS" >/dev/null
  fi
  log "restoring $DUMP into $H2_FILE"
  mkdir -p "$(dirname "$H2_FILE")"
  h2_tool RunScript -url "$DB_URL" -script "$DUMP"
  log "done: $(h2_table_count) tables"
}

case "$KIND:$COMMAND" in
  mysql:backup) mysql_setup; mysql_backup ;;
  mysql:restore) mysql_setup; mysql_restore ;;
  h2:backup) h2_setup; h2_backup ;;
  h2:restore) h2_setup; h2_restore ;;
  *) usage ;;
esac
