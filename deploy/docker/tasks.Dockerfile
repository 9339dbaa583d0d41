# syntax=docker/dockerfile:1
# The tasks subgraph. Build from the repository root:
#   docker build -f deploy/docker/tasks.Dockerfile -t kh02/tasks .
# Runs with NODE_ENV=production: it never migrates (run the migrate image first) and needs
# DATABASE_URL (PostgreSQL), SUBGRAPH_SECRET and INTERNAL_TOKEN_SECRET; see docs/DEPLOYMENT.md.

# ---------------------------------------------------------------- build: compile, then keep production dependencies only
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the development database) builds from source when no prebuilt binary fits.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm ci --no-audit --no-fund && npx tsc -b
# Only what the tasks subgraph needs at run time: its workspace(s) and their production dependencies.
RUN rm -rf node_modules */node_modules subgraphs/*/node_modules \
 && npm ci --omit=dev --no-audit --no-fund --workspace=@kh02/tasks

# ---------------------------------------------------------------- run: non-root, compiled code only
FROM node:24.21.0-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4002
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/common ./common
COPY --from=build /app/subgraphs/kit ./subgraphs/kit
COPY --from=build /app/subgraphs/tasks ./subgraphs/tasks
USER node
EXPOSE 4002
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4002) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "subgraphs/tasks/dist/main.js"]
