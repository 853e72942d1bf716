#!/usr/bin/env bash
# Installs (apt-get) and starts the servers the tests need, on 127.0.0.1 only:
#   PostgreSQL 15 on port $EFREADCACHE_PG_PORT (55432), role/database efreadcache
#   Redis 7 on port $EFREADCACHE_REDIS_PORT (56379), password efreadcache
# Usage: build/services.sh [start|stop|status|env]   (start is the default; it is idempotent)
set -euo pipefail

STATE_DIR="${EFREADCACHE_SERVICES_DIR:-/tmp/efreadcache-services}"
PG_PORT="${EFREADCACHE_PG_PORT:-55432}"
REDIS_PORT="${EFREADCACHE_REDIS_PORT:-56379}"
PG_DATA="$STATE_DIR/pg"
REDIS_DIR="$STATE_DIR/redis"
PASSWORD="efreadcache"

log() { echo "services: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; exit 1; fi
}

apt_install() {
  log "installing $* with apt-get"
  if [ ! -f "$STATE_DIR/.apt-updated" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    mkdir -p "$STATE_DIR" && touch "$STATE_DIR/.apt-updated"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  echo "$dir"
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else as_root runuser -u postgres -- "$@"; fi
}

pg_running() { [ -n "$(pg_bin)" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

start_pg() {
  [ -x "$(pg_bin)/initdb" ] || apt_install postgresql
  local bin; bin=$(pg_bin)
  mkdir -p "$STATE_DIR"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    as_root mkdir -p "$PG_DATA"
    as_root chown postgres:postgres "$PG_DATA"
    as_root chmod 700 "$PG_DATA"
    as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $PG_PORT"
      echo "unix_socket_directories = '$PG_DATA'"
      echo "max_connections = 300"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    } | as_postgres tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi
  if pg_running; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 start >/dev/null
    log "PostgreSQL started on 127.0.0.1:$PG_PORT"
  fi
  as_postgres "$bin/psql" -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'efreadcache') THEN
    CREATE ROLE efreadcache LOGIN SUPERUSER PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE efreadcache OWNER efreadcache'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'efreadcache') \gexec
SQL
}

redis_running() {
  command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -a "$PASSWORD" --no-auth-warning ping 2>/dev/null | grep -q PONG
}

start_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$REDIS_DIR"
  if redis_running; then
    log "Redis already running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --requirepass "$PASSWORD" \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    --save '' --appendonly no --protected-mode yes
  for _ in $(seq 1 50); do redis_running && break; sleep 0.1; done
  redis_running || { log "Redis did not start; see $REDIS_DIR/redis.log"; exit 1; }
  log "Redis started on 127.0.0.1:$REDIS_PORT"
}

stop_all() {
  if pg_running; then as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; log "PostgreSQL stopped"; fi
  if redis_running; then redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -a "$PASSWORD" --no-auth-warning shutdown nosave >/dev/null 2>&1 || true; log "Redis stopped"; fi
}

print_env() {
  echo "export EFREADCACHE_TEST_PG='Host=127.0.0.1;Port=$PG_PORT;Username=efreadcache;Password=$PASSWORD;Database=efreadcache'"
  echo "export EFREADCACHE_TEST_REDIS='127.0.0.1:$REDIS_PORT,password=$PASSWORD'"
}

case "${1:-start}" in
  start) start_pg; start_redis; print_env ;;
  stop) stop_all ;;
  status)
    if pg_running; then echo "postgresql: running (127.0.0.1:$PG_PORT)"; else echo "postgresql: stopped"; fi
    if redis_running; then echo "redis: running (127.0.0.1:$REDIS_PORT)"; else echo "redis: stopped"; fi ;;
  env) print_env ;;
  *) echo "usage: $0 [start|stop|status|env]" >&2; exit 2 ;;
esac
