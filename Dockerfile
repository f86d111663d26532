# syntax=docker/dockerfile:1
# One image runs every role: `chipbrief serve` (platform adapters + scheduler), `chipbrief worker`, and
# the one-off commands (`doctor`, `queues --failed`, `enqueue ...`).
#   docker build -t chipbrief .
#   docker run --rm --env-file .env chipbrief doctor
# scripts/check-deploy.sh checks this file against package.json, the README and docker-compose.yml.
ARG NODE_VERSION=24

# --- build: compile TypeScript and the native modules (better-sqlite3) ---------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# Toolchain for better-sqlite3 when no prebuilt binary matches this Node and platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY jobs ./jobs
# dist/ holds the compiled JavaScript; then drop the dev dependencies (TypeScript, vitest, biome ...).
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# --- runtime: production dependencies and dist/ only, non-root, tini as PID 1 --------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
# A capped old space makes V8 collect instead of growing: uncapped, a worker's heap grows with the
# garbage of thousands of parsed pages to 300-800 MB; at 256 MB it stays near 215 MB resident
# (bench/memory.bench.ts reads this line). One page is bounded to ~35 MB, so the cap leaves room.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=256 \
    CHIPBRIEF_DB=/data/chipbrief.db \
    METRICS_PORT=9464
WORKDIR /app
# Owned by root: the service user can read the program but not change it.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
# The prompt loader finds prompts/ by walking up from dist/src/briefs; `chipbrief demo` reads examples/.
COPY prompts ./prompts
COPY examples ./examples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# 3000: Slack events in HTTP mode (not needed with Socket Mode); 9464: /healthz, /metrics, /dashboard.
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# bin/chipbrief.js runs dist/jobs/main.js when the .ts sources are absent, as here.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/bin/chipbrief.js"]
CMD ["serve"]
