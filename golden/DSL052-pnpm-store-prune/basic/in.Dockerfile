FROM node:20
RUN corepack enable && pnpm install --frozen-lockfile
RUN pnpm add -g serve
RUN pnpm i && pnpm build
