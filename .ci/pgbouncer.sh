#!/usr/bin/env bash
# Starts PgBouncer in transaction mode on 127.0.0.1:6433, in front of the PostgreSQL server on
# 127.0.0.1:5432, for the test pass that runs the PostgreSQL suite through a pooler
# (docs/scaling.md). Any database name is passed through (each test makes a database of its own).
# Idempotent: an instance already listening is left alone. Debian's package (pgbouncer) must be installed.
set -euo pipefail
dir=/tmp/manasik-pgbouncer
port=6433
if pg_isready -h 127.0.0.1 -p "$port" -q 2>/dev/null; then exit 0; fi
mkdir -p "$dir"
cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 25
max_db_connections = 25
server_idle_timeout = 10
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
echo '"postgres" ""' > "$dir/users.txt"
chmod -R a+rX "$dir"
# PgBouncer refuses to run as root: as root, it runs as the postgres user.
if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; pgbouncer -d -u postgres "$dir/pgbouncer.ini"; else pgbouncer -d "$dir/pgbouncer.ini"; fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 0.2; done
pg_isready -h 127.0.0.1 -p "$port"
