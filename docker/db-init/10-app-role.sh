#!/bin/sh
# Runs once, when the database volume is new (postgres image's /docker-entrypoint-initdb.d).
# The app connects as its own role: it owns the duban database (it runs the migrations) and nothing
# else; it is no superuser and cannot create roles or databases. The superuser stays for operators.
# duban_tenant is the role the app switches to for tenant row-level security (see the README): the app
# cannot create it, so it is made here and granted to the app's role.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set app_password="$DUBAN_DB_PASSWORD" <<'SQL'
CREATE ROLE duban LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'app_password';
CREATE ROLE duban_tenant NOLOGIN;
GRANT duban_tenant TO duban;
CREATE DATABASE duban OWNER duban;
REVOKE ALL ON DATABASE duban FROM PUBLIC;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname duban <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO duban;
SQL
