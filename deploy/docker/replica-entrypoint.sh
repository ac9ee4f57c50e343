#!/bin/bash
# A streaming replica of `primary`: cloned with pg_basebackup on first start (as
# deploy/lib/postgres.mjs initReplica does), then started as a hot standby.
set -euo pipefail
export PGDATA=/var/lib/postgresql/data
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  until pg_isready -h primary -U postgres; do sleep 1; done
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h primary -U replicator \
    -D "$PGDATA" -X stream -R -S memcon_replica --checkpoint=fast
fi
exec gosu postgres postgres -c hot_standby=on -c hot_standby_feedback=on
