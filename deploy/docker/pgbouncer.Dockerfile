# Debian's PgBouncer (1.18 on bookworm), configured as deploy/lib/cluster.mjs writePgBouncerConfig.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends pgbouncer && rm -rf /var/lib/apt/lists/*
COPY docker/pgbouncer.ini /etc/pgbouncer/pgbouncer.ini
USER postgres
EXPOSE 6432
CMD ["sh", "-c", "printf '\"memcon\" \"%s\"\\n' \"$MEMCON_DB_PASSWORD\" > /tmp/userlist.txt && exec pgbouncer /etc/pgbouncer/pgbouncer.ini"]
