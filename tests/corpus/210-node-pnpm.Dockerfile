# syntax=docker/dockerfile:1
FROM node:22-slim AS toolchain
ENV PNPM_HOME=/opt/pnpm
ENV PATH=$PNPM_HOME:$PATH
RUN corepack enable && corepack prepare pnpm@9.1.0 --activate
WORKDIR /workspace

FROM toolchain AS install
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/api/package.json packages/api/
COPY packages/shared/package.json packages/shared/
RUN --mount=type=cache,id=pnpm-store,target=/opt/pnpm/store \
    pnpm install --frozen-lockfile

FROM install AS compile
COPY packages/ packages/
RUN pnpm --filter api... run build \
    && pnpm deploy --filter api --prod /deploy/api

FROM node:22-slim
COPY --from=compile /deploy/api /app
WORKDIR /app
EXPOSE 7070
CMD ["node", "dist/index.js"]
