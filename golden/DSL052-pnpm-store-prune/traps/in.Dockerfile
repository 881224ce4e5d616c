FROM node:20
RUN if [ -f pnpm-lock.yaml ]; then pnpm install; fi
RUN pnpm install || npm install

FROM node:20
RUN pnpm install --prod
RUN pnpm install --offline
