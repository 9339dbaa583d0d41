# syntax=docker/dockerfile:1
# `npm run migrate` as a one-shot image (the compose `migrate` service, the Kubernetes Job):
# applies every subgraph's migrations to <NAME>_DATABASE_URL, and with --seed writes the default
# dataset into an empty database. Build from the repository root:
#   docker build -f deploy/docker/migrate.Dockerfile -t kh02/migrate .

# ---------------------------------------------------------------- build: compile, then keep production dependencies only
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the development database) builds from source when no prebuilt binary fits.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm ci --no-audit --no-fund && npx tsc -b
# Only what the migrations needs at run time: its workspace(s) and their production dependencies.
RUN rm -rf node_modules */node_modules subgraphs/*/node_modules \
 && npm ci --omit=dev --no-audit --no-fund --workspace=@kh02/geography --workspace=@kh02/tasks --workspace=@kh02/readiness

# ---------------------------------------------------------------- run: non-root, compiled code only
FROM node:24.21.0-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/common ./common
COPY --from=build /app/subgraphs ./subgraphs
COPY --from=build /app/scripts/package.json ./scripts/package.json
COPY --from=build /app/scripts/dist/migrate.js ./scripts/dist/migrate.js
USER node
ENTRYPOINT ["node", "scripts/dist/migrate.js"]
CMD []
