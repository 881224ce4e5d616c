FROM node:20
# dslim-rewrite ignore=DSL052
RUN pnpm install
RUN pnpm add -g serve
