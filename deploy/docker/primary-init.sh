#!/bin/bash
# Run once by the postgres image on a new primary: the app's role and database, a replication
# role, and pg_hba lines for both (the same as deploy/lib/cluster.mjs createPrimary).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE memcon LOGIN PASSWORD '${MEMCON_DB_PASSWORD}';
-- PgBouncer ignores the statement_timeout startup parameter; the role carries it instead.
ALTER ROLE memcon SET statement_timeout = '30s';
-- The app's replica probe reads pg_stat_wal_receiver.status.
GRANT pg_read_all_stats TO memcon;
CREATE DATABASE memcon OWNER memcon;
CREATE ROLE replicator REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}';
SELECT pg_create_physical_replication_slot('memcon_replica');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
