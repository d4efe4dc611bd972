#!/bin/sh
# SPDX-License-Identifier: MIT
# server.sh -- a throw-away PostgreSQL 15 server for tests/pg.
#
#   tests/pg/server.sh start DIR   initdb DIR/data, start it with its Unix
#                                  socket in DIR (no TCP), superuser pmext
#   tests/pg/server.sh stop DIR    stop it (DIR is left for the caller)
#
# As root the server runs as the unprivileged user `postgres` (created by
# Debian's postgresql-common), which then owns DIR. Connect with
#   psql -h DIR -U pmext postgres
set -eu
action=$1
dir=$2
bin=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
[ -x "$bin/initdb" ] || bin=/usr/lib/postgresql/15/bin
as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_server "$bin/initdb" -D "$dir/data" -U pmext --auth=trust \
      --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_worker_processes=8 -c max_parallel_workers=8" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) echo "usage: server.sh start|stop DIR" >&2; exit 2 ;;
esac
