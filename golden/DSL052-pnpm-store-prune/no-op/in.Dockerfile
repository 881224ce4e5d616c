# syntax=docker/dockerfile:1
FROM node:20
RUN pnpm install && pnpm store prune
RUN pnpm fetch --prod && pnpm install --offline --prod
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile
RUN pnpm install --store-dir /tmp/store
RUN pnpm run build

FROM node:20
ENV npm_config_store_dir=/store
RUN pnpm install
