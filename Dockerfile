# citebot's container. The build stage installs every dependency and compiles dist/; the runtime stage holds
# dist/, the data files and the production dependencies only, and runs as the unprivileged `node` user with
# plain node (no TypeScript loader at run time).
#   docker build -t citebot .
#   docker run --init --env-file .env -p 8080:8080 citebot
# --init (or `init: true` in compose) puts a small init process in front of node, so that signals reach it and
# the graceful shutdown runs. The image starts the HTTP interactions endpoint; for the gateway, set
# INTERACTIONS_MODE=gateway and run it with --no-healthcheck (the gateway serves no /healthz).

ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary matches: node-gyp needs these.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts wait for the source: `prepare` (the build) needs it. Only the native module is built here, so that this
# layer is reused until the lock file changes.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    INTERACTIONS_MODE=http \
    PORT=8080 \
    CITEBOT_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY models ./models
COPY seeds ./seeds
COPY locales ./locales
# Added articles (SQLite, when DATABASE_URL is unset) live in /data: a volume the node user can write.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 8080}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/citebot.mjs"]
CMD ["start"]
