#!/usr/bin/env bash
# Validates the deployment files. Always: the static checks (scripts/check-deploy.ts: Dockerfile,
# docker-compose.yml, .dockerignore, .env.example and README against package.json and the CLI).
# Where a Docker CLI with the compose plugin exists: `docker compose config` (with and without the
# postgres profile). `docker build` is not run here: it needs a Docker engine (CI with one can add it).
set -euo pipefail
cd "$(dirname "$0")/.."

node --import tsx scripts/check-deploy.ts

if docker compose version >/dev/null 2>&1; then
  # Without a .env the compose file still validates (env_file is optional).
  docker compose -f docker-compose.yml config --quiet
  docker compose -f docker-compose.yml --profile postgres config --quiet
  echo "check-deploy: docker compose config passed"
else
  echo "check-deploy: note: skipped \`docker compose config\` (\`docker compose version\` failed: no Docker CLI with the compose plugin here); static checks ran"
fi

if command -v hadolint >/dev/null 2>&1; then
  hadolint Dockerfile
  echo "check-deploy: hadolint passed"
fi
