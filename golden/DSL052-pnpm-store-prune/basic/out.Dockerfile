FROM node:20
RUN corepack enable && pnpm install --frozen-lockfile && pnpm store prune
RUN pnpm add -g serve && pnpm store prune
RUN pnpm i && pnpm build && pnpm store prune
