# Memcon's app image: one production build (`next build`), started as many times as there are
# app processes. The same image runs the migrations (`npm run db:deploy`) and the content seed.
# deploy/compose.yaml puts it behind HAProxy with PgBouncer and a PostgreSQL primary + replica,
# the topology `npm run cluster` starts and `npm run test:cluster` tests (docs/scaling.md).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# The preload stamps each request with its TCP peer (per-address rate limits behind
# TRUSTED_PROXIES), as scripts/lib/build.mjs nextStartArgs does.
CMD ["sh", "-c", "exec node --require ./scripts/lib/http-guard.cjs node_modules/next/dist/bin/next start -p ${PORT}"]
